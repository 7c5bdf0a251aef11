using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class BlockDecompositionTests
{
    [Fact]
    public void Blocks_take_the_cut_vertices_with_terminals_behind_them_and_drop_the_blocks_no_tree_enters()
    {
        // triangle 0-1-2 and triangle 2-3-4 share cut vertex 2 (a Steiner vertex); triangle 4-5-6 hangs off 4 with
        // no terminal in it; terminals 0 and 3
        var g = new SteinerGraph(
            7,
            [(0, 1, 1), (1, 2, 1), (2, 0, 3), (2, 3, 2), (3, 4, 1), (4, 2, 1), (4, 5, 1), (5, 6, 1), (6, 4, 1)],
            [0, 3]);

        var blocks = BlockDecomposition.Split(g);

        Assert.Equal(2, blocks.Count);
        var terminals = blocks.Select(b => b.Graph.TerminalCount).ToArray();
        Assert.Equal([2, 2], terminals);
        Assert.Equal([0, 1, 2], blocks.Single(b => b.EdgeOrigin.Contains(0)).EdgeOrigin.Order());
        Assert.Equal([3, 4, 5], blocks.Single(b => b.EdgeOrigin.Contains(3)).EdgeOrigin.Order());
    }

    [Fact]
    public void A_biconnected_graph_is_one_block_the_graph_itself()
    {
        var g = new SteinerGraph(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, 1), (0, 2, 5)], [0, 2]);

        var blocks = BlockDecomposition.Split(g);

        Assert.Same(g, Assert.Single(blocks).Graph);
    }

    [Fact]
    public void A_graph_whose_terminals_are_not_all_in_one_component_is_left_whole()
    {
        // two triangles joined at node 2, and terminal 5 with no edge
        var g = new SteinerGraph(6, [(0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (3, 4, 1), (4, 2, 1)], [0, 3, 5]);

        Assert.Same(g, Assert.Single(BlockDecomposition.Split(g)).Graph);
    }

    [Fact]
    public void The_blocks_optima_add_up_to_the_optimum_and_the_exact_method_proves_it_block_by_block()
    {
        var split = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var g = Glued(seed);
            var optimum = SteinerTestGraphs.BruteForce(g);
            var blocks = BlockDecomposition.Split(g);
            split += blocks.Count > 1 ? 1 : 0;

            Assert.Equal(optimum, blocks.Sum(b => SteinerTestGraphs.BruteForce(b.Graph)));

            var (tree, cost) = SteinerHeuristic.Solve(g, seed, () => false, maxStarts: 2);
            var time = TimeProvider.System;
            var exact = ExactSolver.Solve(g, tree, cost, time, time.GetTimestamp() + (30 * time.TimestampFrequency));

            Assert.True(exact.Optimal, $"seed {seed}");
            Assert.Equal(optimum, exact.Cost);
            Assert.Equal(optimum, exact.LowerBound);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, exact.Edges));

            // without a usable incumbent each block finds its own
            var blind = ExactSolver.Solve(g, [], long.MaxValue / 4, time, time.GetTimestamp() + (30 * time.TimestampFrequency));
            if (blocks.Count > 1)
            {
                Assert.True(blind.Optimal, $"seed {seed}");
                Assert.Equal(optimum, SteinerTreeValidator.Validate(g, blind.Edges));
            }
        }

        Assert.True(split >= 40, $"only {split} of 60 graphs split");
    }

    /// <summary>Small random graphs glued at single nodes into one graph of at most 18 nodes, with random terminals.</summary>
    private static SteinerGraph Glued(int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int U, int V, long Weight)>();
        var n = 0;
        var parts = random.Next(2, 5);
        for (var p = 0; p < parts; p++)
        {
            var size = random.Next(2, 5);
            var part = SteinerTestGraphs.Random(seed * 10 + p, size, random.Next(0, size + 1), 1, maxWeight: 6);

            // node 0 of the part is an existing node (the cut vertex), the others are new
            var at = n == 0 ? 0 : random.Next(n);
            var map = new int[size];
            map[0] = at;
            for (var v = 1; v < size; v++)
            {
                map[v] = n == 0 ? v : n + v - 1;
            }

            for (var e = 0; e < part.EdgeCount; e++)
            {
                edges.Add((map[part.Tail(e)], map[part.Head(e)], part.Weight(e)));
            }

            n = n == 0 ? size : n + size - 1;
        }

        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return new SteinerGraph(n, edges, order.Take(random.Next(2, Math.Min(n, 6) + 1)));
    }
}
