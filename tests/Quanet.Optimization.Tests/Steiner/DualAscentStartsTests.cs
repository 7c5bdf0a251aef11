using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class DualAscentStartsTests
{
    private static readonly Func<bool> Never = static () => false;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_start_gives_a_valid_tree_that_local_search_never_makes_worse(bool guided)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var g = Graph(seed);
            var search = new LocalSearch(g);
            var mask = new bool[g.NodeCount];
            var root = g.Terminals[seed % g.TerminalCount];
            var starts = new DualAscentStarts(g);

            if (guided)
            {
                starts.Guided(search.Workspace, root, g.Terminals[0], 0.5 + (seed % 4), 16, mask, new Random(seed), Never);
            }
            else
            {
                starts.AscendAndPrune(search.Workspace, root, mask, Never);
            }

            AssertValidAndImproved(g, search, mask);
        }
    }

    [Fact]
    public void Ascend_and_prune_lies_between_the_ascent_bound_and_the_proven_optimum()
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var g = SteinerTestGraphs.Random(9100 + seed, 40, seed % 2 == 0 ? 80 : 400, 7, maxWeight: seed % 3 == 0 ? 1 : 25);
            var root = g.Terminals[seed % g.TerminalCount];
            var ws = new TreeWorkspace(g);
            var mask = new bool[g.NodeCount];

            new DualAscentStarts(g).AscendAndPrune(ws, root, mask, Never);
            var cost = Build(g, ws, mask).Cost;
            var bound = DualAscent.Run(g, root, Never).LowerBound;
            var optimum = SteinerSolver.Solve(g, new SteinerSolverOptions { Method = SteinerMethod.Exact, TimeLimit = TimeSpan.FromSeconds(30) });

            Assert.True(optimum.Optimal);
            Assert.InRange(bound, 0, optimum.Cost);
            Assert.True(cost >= optimum.Cost, $"seed {seed}: tree {cost} below the optimum {optimum.Cost}");
        }
    }

    [Fact]
    public void Ascent_cut_short_by_the_deadline_still_gives_a_valid_tree()
    {
        var cutShort = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var g = SteinerTestGraphs.Random(9200 + seed, 150, 1500, 25, maxWeight: seed % 2 == 0 ? 1 : 40);
            var search = new LocalSearch(g);
            var mask = new bool[g.NodeCount];

            // The ascent looks at the deadline every 64 steps: it stops after 64 of them, far from saturating
            // a path to every terminal, and the edges outside the saturated subgraph must close the tree.
            new DualAscentStarts(g).AscendAndPrune(search.Workspace, g.Terminals[0], mask, static () => true);

            AssertValidAndImproved(g, search, mask);
            cutShort += ZeroArcsReachEveryTerminal(g, DualAscent.Run(g, g.Terminals[0], static () => true)) ? 0 : 1;
        }

        Assert.True(cutShort >= 10, $"the ascent was cut short before saturating in only {cutShort} of 20 graphs");
    }

    [Fact]
    public void Same_root_seed_and_alpha_give_the_same_trees()
    {
        var g = SteinerTestGraphs.Random(93, 300, 6000, 25, maxWeight: 40);
        var ws = new TreeWorkspace(g);
        int[] Run(bool guided)
        {
            var mask = new bool[g.NodeCount];
            var starts = new DualAscentStarts(g);
            if (guided)
            {
                starts.Guided(ws, g.Terminals[3], g.Terminals[5], 1.5, 64, mask, new Random(11), Never);
            }
            else
            {
                starts.AscendAndPrune(ws, g.Terminals[3], mask, Never);
            }

            return Build(g, ws, mask).Edges;
        }

        Assert.Equal(Run(guided: false), Run(guided: false));
        Assert.Equal(Run(guided: true), Run(guided: true));
    }

    /// <summary>Sparse and dense graphs, unit and spread weights.</summary>
    private static SteinerGraph Graph(int seed) =>
        SteinerTestGraphs.Random(9000 + seed, 80, seed % 2 == 0 ? 120 : 1500, 4 + (seed % 12), maxWeight: seed % 3 == 0 ? 1 : 30);

    private static void AssertValidAndImproved(SteinerGraph g, LocalSearch search, bool[] mask)
    {
        Assert.True(g.Terminals.ToArray().All(t => mask[t]), "a terminal is outside the start's nodes");
        var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
        var edges = new List<int>();
        var start = TreeOps.Build(search.Workspace, mask, nodes, edges);
        Assert.Equal(start, SteinerTreeValidator.Validate(g, edges));

        var improved = search.Improve(mask, nodes, edges, start, Never);

        Assert.InRange(improved, 0, start);
        Assert.Equal(improved, SteinerTreeValidator.Validate(g, edges));
    }

    private static bool ZeroArcsReachEveryTerminal(SteinerGraph g, DualAscent ascent)
    {
        var reached = new bool[g.NodeCount];
        var queue = new List<int> { ascent.Root };
        reached[ascent.Root] = true;
        for (var i = 0; i < queue.Count; i++)
        {
            foreach (var e in g.IncidentEdges(queue[i]))
            {
                var u = g.Other(e, queue[i]);
                if (!reached[u] && ascent.ReducedCost[DualAscent.ArcOutOf(g, e, queue[i])] == 0)
                {
                    reached[u] = true;
                    queue.Add(u);
                }
            }
        }

        return g.Terminals.ToArray().All(t => reached[t]);
    }

    private static (int[] Edges, long Cost) Build(SteinerGraph g, TreeWorkspace ws, bool[] mask)
    {
        var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
        var edges = new List<int>();
        var cost = TreeOps.Build(ws, mask, nodes, edges);
        Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges));
        return ([.. edges], cost);
    }
}
