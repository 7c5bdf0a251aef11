using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class ExtendedStarTestTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 13)]
    [InlineData(1, 10)]
    public void The_extended_star_test_keeps_the_optimum_pass_after_pass(int light, int heavy)
    {
        // two weights (ties everywhere, as in PACE 2018 instances 184 and 197-200) or a range; passes run to a fixed
        // point with the degree tests between them, each on the graph the last one left
        var eliminated = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(6, 15);
            var g = Reweighted(SteinerTestGraphs.Random(seed, n, random.Next(n / 2, 2 * n), random.Next(2, 6)), light, heavy, random);
            eliminated += PassesKeepTheOptimum(g, $"seed {seed}", everyPass: false);
        }

        Assert.True(eliminated > 100, $"the test eliminated only {eliminated} vertices in 300 graphs");
    }

    [Theory]
    [InlineData(5, 13)]
    [InlineData(1, 10)]
    public void The_extended_star_test_keeps_the_optimum_on_sparse_graphs_with_deep_trees(int light, int heavy)
    {
        // sparser and larger than above (12-18 nodes, few extra edges): long chains and many vertices of degree 3, so
        // trees grow over several levels and leaves' ways out are ruled out alone; each pass is checked
        var eliminated = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(1000 + seed);
            var n = random.Next(12, 19);
            var g = Reweighted(SteinerTestGraphs.Random(seed, n, random.Next(n / 4, n), random.Next(3, 7)), light, heavy, random);
            eliminated += PassesKeepTheOptimum(g, $"seed {seed}", everyPass: true);
        }

        Assert.True(eliminated > 200, $"the test eliminated only {eliminated} vertices in 600 graphs");
    }

    // passes of the test to a fixed point (at most 10) with the degree tests between them, each on the graph the last
    // one left; the brute-force optimum is checked after every pass or at the end; returns the vertices eliminated
    private static int PassesKeepTheOptimum(SteinerGraph g, string label, bool everyPass)
    {
        var optimum = SteinerTestGraphs.BruteForce(g);
        var rg = new ReductionGraph(g);
        SteinerReducer.RemoveUnreachable(rg);
        var eliminated = 0;
        for (var pass = 0; pass < 10; pass++)
        {
            var now = ExtendedStarTest.Apply(rg);
            eliminated += now;
            if (everyPass || now == 0)
            {
                AssertOptimumKept(rg, optimum, everyPass ? $"{label}, pass {pass}" : label);
            }

            if (now == 0)
            {
                return eliminated;
            }

            DegreeTests.Apply(rg);
        }

        AssertOptimumKept(rg, optimum, label);
        return eliminated;
    }

    private static void AssertOptimumKept(ReductionGraph rg, long optimum, string label)
    {
        var reduced = ReducedInstance.From(rg);
        var reducedOptimum = reduced.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(reduced.Graph);
        Assert.True(optimum == reducedOptimum + reduced.FixedCost, $"{label}: optimum {optimum}, reduced {reducedOptimum} + fixed {reduced.FixedCost}");
    }

    [Fact]
    public void A_star_dearer_than_the_terminals_own_connections_is_eliminated_and_a_cheap_one_is_kept()
    {
        // v = 0 joined to terminals 1, 2, 3 by 10 each; the terminals joined in a path 1-2-3 by 4 each: the star (30)
        // costs more than the terminals' spanning tree under special distances (8)
        var dear = new SteinerGraph(4, [(0, 1, 10), (0, 2, 10), (0, 3, 10), (1, 2, 4), (2, 3, 4)], [1, 2, 3]);
        var rg = new ReductionGraph(dear);
        Assert.Equal(1, ExtendedStarTest.Apply(rg));
        Assert.False(rg.NodeAlive(0));
        // the replacement edges (20) are never cheaper than the existing ones (4), and 1-3 is longer than its special
        // distance (4, over terminal 2): no edge is added
        var alive = Enumerable.Range(0, rg.EdgeCapacity).Where(rg.EdgeAlive).ToArray();
        Assert.Equal(2, alive.Length);
        Assert.All(alive, e => Assert.Equal(4, rg.W(e)));

        // the same star at 1 per edge is the optimum (3 against 8): it stays
        var cheap = new SteinerGraph(4, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (1, 2, 4), (2, 3, 4)], [1, 2, 3]);
        Assert.Equal(0, ExtendedStarTest.Apply(new ReductionGraph(cheap)));
    }

    [Fact]
    public void A_vertex_whose_search_finds_no_walk_rules_nothing_out()
    {
        // v = 0 with Steiner vertices 1, 2, 3 (edges of 1), each leading on to one terminal: 2 to 5 and 3 to 6 directly,
        // 1 to 4 only over hub 7, which has 450 pendant vertices, more edges than one search scans (so 7's search finds
        // no walk at all); the terminals are joined by edges of 100. The optimum (7) is v's star grown over 7: v stays
        var edges = new List<(int, int, long)> { (0, 1, 1), (0, 2, 1), (0, 3, 1), (1, 7, 1), (7, 4, 1), (2, 5, 1), (3, 6, 1), (4, 5, 100), (5, 6, 100) };
        const int Pendants = ExtendedStarTest.MaxScanned + 50;
        for (var p = 0; p < Pendants; p++)
        {
            edges.Add((7, 8 + p, 1));
        }

        var rg = new ReductionGraph(new SteinerGraph(8 + Pendants, edges, [4, 5, 6]));
        Assert.Equal(0, ExtendedStarTest.Apply(rg));
        Assert.True(rg.NodeAlive(0));
    }

    [Fact]
    public void A_vertex_whose_star_is_ruled_out_only_after_growing_a_leaf_is_eliminated()
    {
        // v = 0 with terminals 1, 2 and the Steiner vertex 3 (edges of 3); 3 leads on to terminals 4 and 5 (edges of 6);
        // the terminals are joined in a path 1-2-4-5 by edges of 5. The star {1, 2, 3} (9) is not dearer than its leaves'
        // spanning tree under special distances (1-2: 5, 2-3: 6), but 3 needs another edge in a minimal tree, and every
        // growth is: {4} 15 against 10, {5} 15 against 10, {4, 5} 21 against 15
        var g = new SteinerGraph(6,
            [(0, 1, 3), (0, 2, 3), (0, 3, 3), (3, 4, 6), (3, 5, 6), (1, 2, 5), (2, 4, 5), (4, 5, 5)], [1, 2, 4, 5]);
        var optimum = SteinerTestGraphs.BruteForce(g);
        var rg = new ReductionGraph(g);
        Assert.True(ExtendedStarTest.Apply(rg) >= 1);
        Assert.False(rg.NodeAlive(0));
        var reduced = ReducedInstance.From(rg);
        Assert.Equal(15, optimum);
        Assert.Equal(optimum, SteinerTestGraphs.BruteForce(reduced.Graph) + reduced.FixedCost);
    }

    [Fact]
    public void A_reduced_tree_over_two_replacement_edges_of_one_vertex_maps_back_to_a_cheaper_tree()
    {
        // v = 0 eliminated by hand: its replacement edges 1-2 and 1-3 share the original edge 0-1
        var g = new SteinerGraph(4, [(0, 1, 2), (0, 2, 2), (0, 3, 2)], [1, 2, 3]);
        var rg = new ReductionGraph(g);
        ExtendedStarTest.Eliminate(rg, 0);
        var reduced = ReducedInstance.From(rg);
        var r = reduced.Graph;
        var tree = Enumerable.Range(0, r.EdgeCount).Where(e => r.Weight(e) == 4 && (r.Tail(e) == NodeOf(reduced, 1) || r.Head(e) == NodeOf(reduced, 1))).ToArray();
        Assert.Equal(2, tree.Length);
        Assert.Equal(8, r.CostOf(tree));
        var original = reduced.MapBackTree(tree);
        Assert.Equal(6, SteinerTreeValidator.Validate(g, original));
        Assert.Equal(3, original.Length);
    }

    [Fact]
    public void The_exact_method_with_the_star_test_proves_the_same_optima_with_valid_trees()
    {
        // graphs of 30-60 nodes with weights 5 and 13: the bound-based rounds run, with the star test and without
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(30, 61);
            var g = Reweighted(SteinerTestGraphs.Random(seed, n, random.Next(n / 2, n), random.Next(5, 13)), 5, 13, random);
            var plain = SteinerSolver.Solve(g, new SteinerSolverOptions { TimeLimit = TimeSpan.FromSeconds(30) });
            var star = SteinerSolver.Solve(g, new SteinerSolverOptions { TimeLimit = TimeSpan.FromSeconds(30), ExtendedStar = true });
            Assert.True(plain.Optimal && star.Optimal, $"seed {seed}: not proven");
            Assert.Equal(plain.Cost, star.Cost);
            Assert.Equal(star.Cost, SteinerTreeValidator.Validate(g, star.Edges));
        }
    }

    private static int NodeOf(ReducedInstance reduced, int original) => Array.IndexOf(reduced.NodeOrigin, original);

    private static SteinerGraph Reweighted(SteinerGraph g, int light, int heavy, Random random)
    {
        var edges = new List<(int U, int V, long Weight)>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            long w = heavy - light == 9 && light == 1 ? random.Next(light, heavy + 1) : random.Next(2) == 0 ? light : heavy;
            edges.Add((g.Tail(e), g.Head(e), w));
        }

        return new SteinerGraph(g.NodeCount, edges, g.Terminals.ToArray());
    }
}
