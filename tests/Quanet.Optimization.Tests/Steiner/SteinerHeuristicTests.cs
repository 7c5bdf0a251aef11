using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SteinerHeuristicTests
{
    private static readonly Func<bool> Never = static () => false;

    [Fact]
    public void Local_search_never_returns_a_worse_or_invalid_tree()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            // Sparse and dense graphs, unit and spread weights.
            var g = SteinerTestGraphs.Random(5000 + seed, 60, seed % 2 == 0 ? 80 : 900, 4 + (seed % 9), maxWeight: seed % 3 == 0 ? 1 : 20);
            var search = new LocalSearch(g);
            var mask = new bool[g.NodeCount];
            ShortestPathHeuristic.Run(search.Workspace, g.Terminals[seed % g.TerminalCount], Weights(g), mask);
            var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
            var edges = new List<int>();
            var start = TreeOps.Build(search.Workspace, mask, nodes, edges);

            var improved = search.Improve(mask, nodes, edges, start, Never);

            Assert.InRange(improved, 0, start);
            Assert.Equal(improved, SteinerTreeValidator.Validate(g, edges));
            Assert.Equal(nodes.Order(), Enumerable.Range(0, g.NodeCount).Where(v => mask[v]));
        }
    }

    [Fact]
    public void Recombination_child_is_a_valid_tree_no_worse_than_its_best_parent()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var g = SteinerTestGraphs.Random(6000 + seed, 80, 400, 10, maxWeight: seed % 2 == 0 ? 2 : 50);
            var pool = PoolOfShortestPathTrees(g, 4);
            var mask = new bool[g.NodeCount];

            new Recombination(g).Run(pool, [.. Enumerable.Range(0, pool.Count)], new Random(seed), mask, Never);
            var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
            var edges = new List<int>();
            var cost = TreeOps.Build(new TreeWorkspace(g), mask, nodes, edges);

            Assert.InRange(cost, 0, pool[0].Cost);
            Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges));
        }
    }

    [Fact]
    public void Recombination_finds_the_optimum_of_small_instances_as_the_exact_solver_proves_it()
    {
        var optimal = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var g = SteinerTestGraphs.Random(7000 + seed, 40, 120, 8);
            var exact = Exact(g);
            var pool = PoolOfShortestPathTrees(g, 6);
            var mask = new bool[g.NodeCount];

            new Recombination(g).Run(pool, [.. Enumerable.Range(0, pool.Count)], new Random(seed), mask, Never);
            var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
            var cost = TreeOps.Build(new TreeWorkspace(g), mask, nodes, []);

            Assert.InRange(cost, exact.Cost, pool[0].Cost);
            optimal += cost == exact.Cost ? 1 : 0;
        }

        // Six shortest-path trees of a 40-node graph cover an optimal tree's nodes nearly always.
        Assert.True(optimal >= 18, $"optimal in {optimal} of 20");
    }

    [Fact]
    public void Heuristic_reaches_the_exact_optimum_on_small_instances()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var g = SteinerTestGraphs.Random(8000 + seed, 50, seed % 2 == 0 ? 100 : 600, 9, maxWeight: seed % 3 == 0 ? 1 : 30);
            var exact = Exact(g);

            var (edges, cost) = SteinerHeuristic.Solve(g, seed, Never, maxStarts: 150);

            Assert.Equal(exact.Cost, cost);
            Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges));
        }
    }

    [Theory]
    [InlineData(91, 300, 3000, 20, 3, 7, 60)]
    // four ascend-and-prune rounds, ten first roots, then perturbed, guided and recombination rounds
    [InlineData(94, 250, 5000, 30, 30, 3, 45)]
    public void Same_seed_and_round_budget_give_the_same_tree(int graphSeed, int nodes, int edges, int terminals, int maxWeight, int seed, int rounds)
    {
        var g = SteinerTestGraphs.Random(graphSeed, nodes, edges, terminals, maxWeight: maxWeight);

        var a = SteinerHeuristic.Solve(g, seed, Never, maxStarts: rounds);
        var b = SteinerHeuristic.Solve(g, seed, Never, maxStarts: rounds);

        Assert.Equal(a.Cost, b.Cost);
        Assert.Equal(a.Edges, b.Edges);
        Assert.Equal(a.Cost, SteinerTreeValidator.Validate(g, a.Edges));
    }

    [Fact]
    public void The_search_stops_once_an_ascent_proves_the_best_tree_optimal()
    {
        // a path of five terminals with a dear chord: the dual ascent's bound equals the path's cost, so the search
        // ends within the first ascend-and-prune rounds instead of running its 1,000 stale rounds
        var g = new SteinerGraph(5, [(0, 1, 2), (1, 2, 3), (2, 3, 1), (3, 4, 4), (0, 4, 20)], [0, 1, 2, 3, 4]);
        var checks = 0;

        var (edges, cost) = SteinerHeuristic.Solve(g, 1, () => ++checks < 0);

        Assert.Equal(10, cost);
        Assert.Equal(10, SteinerTreeValidator.Validate(g, edges));
        Assert.True(checks < 200, $"the search checked its deadline {checks} times");
    }

    [Fact]
    public void Elite_pool_keeps_distinct_trees_cheapest_first_up_to_its_capacity()
    {
        var pool = new ElitePool(3);

        Assert.True(pool.Offer([4, 2], 10));
        Assert.False(pool.Offer([2, 4], 10));
        Assert.True(pool.Offer([5], 7));
        Assert.True(pool.Offer([6], 12));
        Assert.False(pool.Offer([7], 12));
        Assert.True(pool.Offer([8], 3));

        Assert.Equal(3, pool.Count);
        Assert.Equal([3L, 7L, 10L], [pool[0].Cost, pool[1].Cost, pool[2].Cost]);
        Assert.Equal([2, 4], pool[2].Edges);
    }

    private static SteinerSolution Exact(SteinerGraph g)
    {
        var exact = SteinerSolver.Solve(g, new SteinerSolverOptions { Method = SteinerMethod.Exact, TimeLimit = TimeSpan.FromSeconds(30) });
        Assert.True(exact.Optimal);
        return exact;
    }

    private static long[] Weights(SteinerGraph g) => Enumerable.Range(0, g.EdgeCount).Select(e => g.Weight(e)).ToArray();

    /// <summary>
    /// Shortest-path trees from the terminals on weights perturbed up to twice (so that they differ), each
    /// improved by local search on the true weights, as an elite pool.
    /// </summary>
    private static ElitePool PoolOfShortestPathTrees(SteinerGraph g, int trees)
    {
        var pool = new ElitePool(trees);
        var search = new LocalSearch(g);
        var random = new Random(g.NodeCount + g.EdgeCount);
        for (var i = 0; pool.Count < trees && i < 10 * trees; i++)
        {
            var weights = Enumerable.Range(0, g.EdgeCount).Select(e => g.Weight(e) * (10 + random.Next(11))).ToArray();
            var mask = new bool[g.NodeCount];
            ShortestPathHeuristic.Run(search.Workspace, g.Terminals[i % g.TerminalCount], weights, mask);
            var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
            var edges = new List<int>();
            var cost = TreeOps.Build(search.Workspace, mask, nodes, edges);
            pool.Offer(edges, search.Improve(mask, nodes, edges, cost, Never));
        }

        return pool;
    }
}
