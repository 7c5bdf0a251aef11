using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Qubo;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SteinerQuboHybridTests
{
    [Fact]
    public void Encoded_heuristic_trees_are_feasible_states_whose_energy_is_the_tree_cost()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var g = SteinerTestGraphs.Random(7000 + seed, 7, 4, 3);
            var (edges, cost) = SteinerHeuristic.Solve(g, seed, static () => false, maxStarts: 4);
            var qubo = SteinerQubo.Build(g, cost);

            var state = qubo.Encode(edges);

            Assert.True(qubo.IsFeasible(state), $"seed {seed}");
            Assert.Equal(cost, (long)Math.Round(qubo.Model.Energy(state)));
            Assert.Equal([.. edges.Order()], qubo.DecodeEdges(state));
        }
    }

    [Fact]
    public void Encode_rejects_edges_that_are_not_a_tree_through_the_root()
    {
        var g = new SteinerGraph(4, [(0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1)], [0, 3]);
        var qubo = SteinerQubo.Build(g, upperBound: 10);

        Assert.Throws<ArgumentException>(() => qubo.Encode([0, 1, 2, 3]));
    }

    [Fact]
    public void Hybrid_loop_from_a_dear_tree_reaches_the_optimum_through_sub_answers()
    {
        // terminals 0 and 1; the direct edge (3) is the start, the detour over 2 (1 + 1) the optimum
        var g = new SteinerGraph(3, [(0, 1, 3), (0, 2, 1), (2, 1, 1)], [0, 1]);
        var qubo = SteinerQubo.Build(g, upperBound: 3);
        var start = qubo.Encode([0]);

        var result = new HybridSolver().Solve(HybridModel.FromBqm(qubo.Model), new HybridOptions
        {
            SubSolver = new ExhaustiveSolver(),
            SubSize = 8,
            Subproblems = 50,
            Threads = 1,
        }, new HybridHooks { Start = start });

        Assert.True(qubo.IsFeasible(result.State));
        Assert.Equal(2, SteinerTreeValidator.Validate(g, qubo.DecodeEdges(result.State)));
        Assert.Equal(1.0, result.Statistics.SubproblemGain, 9);
        Assert.True(result.Statistics.Improving >= 1);
    }

    [Fact]
    public void Solver_qubo_path_from_the_heuristic_tree_returns_a_checked_optimal_tree_on_small_graphs()
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var g = SteinerTestGraphs.Random(8000 + seed, 6, 3, 3);
            var optimum = SteinerTestGraphs.BruteForce(g);
            var calls = 0;

            var s = SteinerSolver.Solve(g, new SteinerSolverOptions
            {
                Method = SteinerMethod.Qubo,
                Reduce = false,
                Seed = seed,
                TimeLimit = TimeSpan.FromSeconds(20),
                QuboFromStart = (model, start) =>
                {
                    calls++;
                    return new HybridSolver().Solve(HybridModel.FromBqm(model), new HybridOptions
                    {
                        SubSolver = new ExhaustiveSolver(),
                        SubSize = 12,
                        Subproblems = 40,
                        Seed = seed,
                        Threads = 1,
                    }, new HybridHooks { Start = start }).State;
                },
            });

            Assert.Equal(1, calls);
            Assert.Equal(optimum, s.Cost);
            Assert.Equal(s.Cost, SteinerTreeValidator.Validate(g, s.Edges));
        }
    }
}
