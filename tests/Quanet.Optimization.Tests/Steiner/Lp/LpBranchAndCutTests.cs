using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Testing;

namespace Quanet.Optimization.Tests.Steiner.Lp;

/// <summary>
/// <see cref="LpBranchAndCut"/> (through <see cref="BranchAndCutSolver"/> with CLP) against the subset dynamic
/// programme on seeded random graphs, on PACE instances against optima.csv, run twice for determinism, and
/// with CLP pretended absent for the GLOP fallback.
/// </summary>
public sealed class LpBranchAndCutTests
{
    private static long Deadline(double seconds) =>
        TimeProvider.System.GetTimestamp() + (long)(seconds * TimeProvider.System.TimestampFrequency);

    /// <summary>A deliberately poor incumbent (the pruned spanning tree of the whole graph) so that the search has work to do.</summary>
    private static (int[] Edges, long Cost) PoorTree(SteinerGraph g)
    {
        var ws = new TreeWorkspace(g);
        var mask = Enumerable.Repeat(true, g.NodeCount).ToArray();
        var nodes = Enumerable.Range(0, g.NodeCount).ToList();
        var edges = new List<int>();
        var cost = TreeOps.Build(ws, mask, nodes, edges);
        return ([.. edges], cost);
    }

    /// <summary>
    /// A random bipartite instance with unit weights in the manner of SteinLib's "bip" series (Koch, Martin and
    /// Voß 2000): terminals joined only through Steiner nodes, each Steiner node to a few random terminals. Their
    /// cut relaxation has gaps, so the search must branch.
    /// </summary>
    private static SteinerGraph Bipartite(int seed, int terminals, int steiner, int degree)
    {
        var random = new Random(seed);
        var edges = new List<(int U, int V, long Weight)>();
        for (var s = 0; s < steiner; s++)
        {
            var v = terminals + s;
            edges.Add((s % terminals, v, 1));
            for (var i = 1; i < degree; i++)
            {
                var t = random.Next(terminals);
                if (t != s % terminals)
                {
                    edges.Add((t, v, 1));
                }
            }
        }

        // A chain through Steiner nodes keeps the graph connected whatever the draws.
        for (var s = 1; s < steiner; s++)
        {
            edges.Add((terminals + s - 1, terminals + s, 1 + random.Next(2)));
        }

        return new SteinerGraph(terminals + steiner, edges, Enumerable.Range(0, terminals));
    }

    [RequiresClpFact]
    public void Proves_the_optimum_of_random_graphs_checked_against_the_subset_programme()
    {
        var branched = 0;
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var g = seed % 2 == 0
                ? Bipartite(11_000 + seed, random.Next(8, 13), random.Next(20, 40), random.Next(3, 5))
                : SteinerTestGraphs.Random(11_000 + seed, random.Next(20, 60), random.Next(30, 120), random.Next(4, 12), maxWeight: random.Next(2) == 0 ? 3 : 40);
            var (edges, cost) = PoorTree(g);

            var result = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, Deadline(20), useClp: true);

            // The programme is exact below the bound it is given: with branch-and-cut's cost + 1 it finds any cheaper tree.
            var (solved, _, optimum, _) = LabelSettingSolver.Solve(g, result.Cost + 1, () => false, 10_000_000);

            Assert.True(solved, $"seed {seed}: the programme did not finish");
            Assert.Contains(result.LpEngine, new[] { "clp", "" }); // empty: dual ascent alone closed the gap
            Assert.True(result.Optimal, $"seed {seed}: bound {result.LowerBound}, cost {result.Cost}, optimum {optimum}");
            Assert.Equal(optimum, result.Cost);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, result.Edges));
            branched += result.Nodes > 1 ? 1 : 0;
        }


        Assert.True(branched > 0, "no instance needed branching: the test does not reach the tree search");
    }

    [RequiresClpFact]
    public void Proves_group_instances_with_big_weights_to_the_unit()
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var g = SteinerTestGraphs.Group(9000 + seed, baseNodes: 40, terminals: 7, bigWeight: 1_000_000);
            var (edges, cost) = PoorTree(g);
            var (_, _, optimum, _) = LabelSettingSolver.Solve(g, cost + 1, () => false, 10_000_000);

            var result = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, Deadline(20), useClp: true);

            Assert.True(result.Optimal);
            Assert.Equal(optimum, result.Cost);
            Assert.Equal(optimum, result.LowerBound);
        }
    }

    [RequiresClpFact]
    public void Same_input_gives_the_same_tree_search()
    {
        var g = Bipartite(12_345, 16, 48, 4);
        var (edges, cost) = PoorTree(g);

        var first = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, Deadline(20), useClp: true);
        var second = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, Deadline(20), useClp: true);

        Assert.True(first.Optimal);
        Assert.InRange(first.Nodes, 2, int.MaxValue);
        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Cuts, second.Cuts);
        Assert.Equal(first.LowerBound, second.LowerBound);
        Assert.Equal(first.Edges, second.Edges);
    }

    [Fact]
    public void Falls_back_to_glop_when_clp_is_absent()
    {
        var g = SteinerTestGraphs.Random(13_000, 40, 80, 8, maxWeight: 3);
        var (edges, cost) = PoorTree(g);
        var (_, _, optimum, _) = LabelSettingSolver.Solve(g, cost + 1, () => false, 10_000_000);

        var result = BranchAndCutSolver.Solve(g, edges, cost, TimeProvider.System, Deadline(20), useClp: false);

        Assert.Equal("glop", result.LpEngine);
        Assert.Equal(0, result.Nodes);
        Assert.True(result.Optimal);
        Assert.Equal(optimum, result.Cost);
    }

    [RequiresSharedFact("benchmarks/steiner/pace2018-track1-public/optima.csv")]
    public void Pace_bounds_never_exceed_the_known_optima()
    {
        var folder = SharedBenchmarks.Locate("benchmarks/steiner/pace2018-track1-public");
        var optima = File.ReadLines(Path.Combine(folder, "optima.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var name in new[] { "instance001", "instance003", "instance171", "instance195" })
        {
            var input = StpReader.ReadFile(Path.Combine(folder, name + ".gr"));
            var solution = SteinerSolver.Solve(input, new SteinerSolverOptions { TimeLimit = TimeSpan.FromSeconds(4) });

            Assert.InRange(solution.LowerBound, 0, optima[name]);
            Assert.InRange(solution.Cost, optima[name], long.MaxValue);
        }
    }
}
