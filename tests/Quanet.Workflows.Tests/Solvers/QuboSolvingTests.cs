using Quanet.Optimization.Exact;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Workflows.Solvers;

namespace Quanet.Workflows.Tests.Solvers;

public sealed class QuboSolvingTests
{
    private static readonly SamplerOptions Options = new() { Seed = 1, Reads = 8 };

    [Theory]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("tabu")]
    [InlineData("sb")]
    [InlineData("exact")]
    [InlineData("qaoa")]
    public void Every_qubo_sampler_finds_the_ground_state_of_an_even_ring(string name)
    {
        // an antiferromagnetic ring of even length is bipartite: every bond satisfied, energy -n
        var model = Ring(6);

        var solution = QuboSolving.Solve(SolverCatalogue.Qubo.Get(name), model, Options);

        Assert.Equal(-6.0, solution.Samples.Best.Energy, 9);
        Assert.Equal(name == "exact", solution.ProvenOptimal);
    }

    [Fact]
    public void Exact_enumerates_up_to_the_limit_and_certifies_with_cp_sat_above_it()
    {
        var exact = SolverCatalogue.Qubo.Get("exact");

        var small = QuboSolving.Solve(exact, Ring(ExhaustiveSolver.MaxVariables), Options);
        var large = QuboSolving.Solve(exact, Ring(ExhaustiveSolver.MaxVariables + 6), Options);

        Assert.Null(small.Certificate);
        Assert.True(small.ProvenOptimal);
        Assert.Equal(-ExhaustiveSolver.MaxVariables, small.Samples.Best.Energy, 9);
        Assert.NotNull(large.Certificate);
        Assert.True(large.ProvenOptimal);
        Assert.Equal(-(ExhaustiveSolver.MaxVariables + 6), large.Samples.Best.Energy, 9);
        Assert.Equal(large.Samples.Best.Energy, large.Certificate.LowerBound, 6);
    }

    [Fact]
    public void Qaoa_refuses_a_model_beyond_its_qubits_before_sampling()
    {
        var ex = Assert.Throws<ArgumentException>(() => QuboSolving.Solve(SolverCatalogue.Qubo.Get("qaoa"), Ring(30), Options));

        Assert.StartsWith("qaoa: QUBO has 30 qubits, max 26", ex.Message, StringComparison.Ordinal);
    }

    private static BinaryQuadraticModel Ring(int n)
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(n);
        for (var i = 0; i < n; i++)
        {
            builder.AddQuadratic(i, (i + 1) % n, 1);
        }

        return builder.Build();
    }
}
