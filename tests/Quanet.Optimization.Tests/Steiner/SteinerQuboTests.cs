using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Qubo;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SteinerQuboTests
{
    [Fact]
    public void Exhaustive_ground_state_of_a_triangle_is_the_optimal_tree()
    {
        // Terminals 0 and 1; the detour over 2 (1 + 1) beats the direct edge (3).
        var g = new SteinerGraph(3, [(0, 1, 3), (0, 2, 1), (2, 1, 1)], [0, 1]);
        var qubo = SteinerQubo.Build(g, upperBound: 3);
        Assert.InRange(qubo.VariableCount, 1, QuboExactSolver.ExhaustiveLimit);

        var state = QuboExactSolver.Solve(qubo.Model, TimeSpan.FromSeconds(10));

        Assert.True(qubo.IsFeasible(state));
        Assert.Equal(2.0, qubo.Model.Energy(state));
        Assert.Equal([1, 2], qubo.DecodeEdges(state));
    }

    [Fact]
    public void Ground_state_equals_the_exact_optimum_on_small_random_graphs()
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 6);
            var g = SteinerTestGraphs.Random(5000 + seed, n, random.Next(1, n), random.Next(2, 4));
            var optimum = SteinerTestGraphs.BruteForce(g);
            var qubo = SteinerQubo.Build(g, upperBound: optimum * 2);

            var state = QuboExactSolver.Solve(qubo.Model, TimeSpan.FromSeconds(30));

            Assert.True(qubo.IsFeasible(state), $"seed {seed}: infeasible ground state");
            Assert.True(optimum == (long)Math.Round(qubo.Model.Energy(state)), $"seed {seed}: n {g.NodeCount} m {g.EdgeCount} vars {qubo.VariableCount} energy {qubo.Model.Energy(state)} optimum {optimum}");
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, qubo.DecodeEdges(state)));
        }
    }

    [Fact]
    public void Solver_qubo_method_reports_variable_count_and_optimum()
    {
        var g = SteinerTestGraphs.Random(42, 5, 3, 3);
        var optimum = SteinerTestGraphs.BruteForce(g);

        var s = SteinerSolver.Solve(g, new SteinerSolverOptions { Method = SteinerMethod.Qubo, TimeLimit = TimeSpan.FromSeconds(30) });

        Assert.Equal(optimum, s.Cost);
        Assert.NotNull(s.QuboVariables);
    }
}
