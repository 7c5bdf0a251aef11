using CsCheck;
using Quanet.Optimization.Exact;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Tests.Qubo;

namespace Quanet.Optimization.Tests.Exact;

public sealed class ExactSolverTests
{
    private static readonly SamplerOptions Options = new() { Seed = 3, MaxDegreeOfParallelism = 1 };

    [Fact]
    public void Exhaustive_cpsat_and_brute_force_agree_on_random_models()
    {
        RandomModels.ModelAndState.Sample(t =>
        {
            var model = t.Model;
            var reference = BruteForce.Minimum(model);
            var exhaustive = new ExhaustiveSolver().Sample(model, Options).Best;
            var cpsat = new CpSatSolver().Solve(model, Options);

            Assert.Equal(reference, exhaustive.Energy, 9);
            Assert.Equal(reference, model.Energy(exhaustive.State), 9);
            Assert.True(cpsat.ProvenOptimal);
            Assert.Equal(0.0, cpsat.Tolerance);
            Assert.Equal(reference, cpsat.Best.Energy, 9);
            Assert.True(cpsat.LowerBound <= reference + 1e-9);
        }, iter: 40);
    }

    [Fact]
    public void Cpsat_scales_fractional_biases_and_reports_the_tolerance()
    {
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(3);
        builder.AddLinear(0, -0.25);
        builder.AddLinear(1, 0.125);
        builder.AddQuadratic(0, 1, -1.5);
        builder.AddQuadratic(1, 2, 0.3);
        builder.AddLinear(2, -0.1);
        var model = builder.Build();

        var result = new CpSatSolver().Solve(model, Options);

        Assert.True(result.ProvenOptimal);
        Assert.True(result.Tolerance > 0 && result.Tolerance < 1e-5);
        Assert.Equal(BruteForce.Minimum(model), result.Best.Energy, 9);
    }

    [Fact]
    public void Exhaustive_rejects_models_above_its_size_limit()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(ExhaustiveSolver.MaxVariables + 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ExhaustiveSolver().Sample(builder.Build(), Options));
    }

    [Fact]
    public void Exact_solver_proves_a_frustrated_triangle_optimum()
    {
        // antiferromagnetic triangle: one bond must be frustrated, ground energy -1
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(3);
        builder.AddQuadratic(0, 1, 1);
        builder.AddQuadratic(1, 2, 1);
        builder.AddQuadratic(0, 2, 1);

        var best = new ExactSolver().Sample(builder.Build(), Options).Best;

        Assert.Equal(-1.0, best.Energy);
    }
}
