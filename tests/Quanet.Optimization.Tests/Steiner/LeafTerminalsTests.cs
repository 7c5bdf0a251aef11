using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class LeafTerminalsTests
{
    [Fact]
    public void Marks_every_terminal_of_a_group_instance()
    {
        var g = SteinerTestGraphs.Group(500, baseNodes: 30, terminals: 6, bigWeight: 100_000);

        var leaf = LeafTerminals.Find(g);

        foreach (var t in g.Terminals)
        {
            Assert.True(leaf[t], $"terminal {t} (degree {g.Degree(t)})");
        }
    }

    [Fact]
    public void Does_not_mark_a_terminal_that_joins_two_parts_of_the_graph()
    {
        // 0 - 1 - t(2) - 3 - 4: the terminal in the middle is the only link between its neighbours.
        var g = new SteinerGraph(5, [(0, 1, 1), (1, 2, 5), (2, 3, 5), (3, 4, 1)], [0, 2, 4]);

        var leaf = LeafTerminals.Find(g);

        Assert.False(leaf[2]);
    }

    [Fact]
    public void Some_optimal_tree_has_the_marked_terminals_as_leaves()
    {
        // Group instances with heavy edges of varied weight (so the path test decides) and plain random graphs.
        var marked = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var g = seed % 2 == 0
                ? SteinerTestGraphs.Group(600 + seed, baseNodes: random.Next(6, 11), terminals: random.Next(2, 5), bigWeight: random.Next(4, 30))
                : SteinerTestGraphs.Random(700 + seed, random.Next(6, 13), random.Next(6, 20), random.Next(2, 6));

            var leaf = LeafTerminals.Find(g);
            marked += g.Terminals.ToArray().Count(t => leaf[t]);

            Assert.Equal(SteinerTestGraphs.BruteForce(g), SteinerTestGraphs.BruteForceWithLeaves(g, leaf));
        }

        Assert.True(marked >= 40, $"only {marked} terminals marked: the test does not exercise the property");
    }

    [Fact]
    public void Branch_and_cut_with_leaf_terminals_finds_the_optimum()
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var random = new Random(seed);
            var g = SteinerTestGraphs.Group(800 + seed, baseNodes: random.Next(7, 11), terminals: random.Next(2, 5), bigWeight: random.Next(4, 1000));
            var (edges, cost) = SteinerHeuristic.Solve(g, 1, () => false, maxStarts: 2);
            var deadline = TimeProvider.System.GetTimestamp() + (30 * TimeProvider.System.TimestampFrequency);

            var result = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, deadline);

            var optimum = SteinerTestGraphs.BruteForce(g);
            Assert.True(result.Optimal, $"seed {seed}");
            Assert.Equal(optimum, result.Cost);
            Assert.Equal(optimum, result.LowerBound);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, result.Edges));
        }
    }
}
