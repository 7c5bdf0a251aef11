using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Reductions;
using Quanet.Testing;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SeparatorDpTests
{
    private const long NoIncumbent = SubsetProgrammeChecks.NoIncumbent;
    private const string Pace = "benchmarks/steiner/pace2018-track1-public";

    [Fact]
    public void Finds_the_brute_force_optimum_without_an_incumbent() =>
        SubsetProgrammeChecks.FindsTheBruteForceOptimum(Solve, 11_000, graphs: 120, maxTerminals: 9);

    [Fact]
    public void Proves_an_optimal_incumbent_and_improves_a_worse_one() =>
        SubsetProgrammeChecks.ProvesAnOptimalIncumbentAndImprovesAWorseOne(Solve, 12_000);

    [Fact]
    public void Agrees_with_the_label_setting_programme_on_larger_and_group_graphs()
    {
        // unit and small weights (many ties at the pruning threshold) and group instances (heavy terminal edges: long
        // chains, so the chain rule keeps the rest of the tree out of wide balls, and terminals whose distance is final
        // long before the search reaches them)
        var graphs = new List<SteinerGraph>();
        for (var seed = 0; seed < 6; seed++)
        {
            graphs.Add(SteinerTestGraphs.Random(13_000 + seed, 80, 140, 12, maxWeight: seed % 2 == 0 ? 1 : 50));
            graphs.Add(SteinerTestGraphs.Group(14_000 + seed, baseNodes: 40 + (5 * seed), terminals: 8 + seed, bigWeight: 1_000_000));
        }

        foreach (var g in graphs)
        {
            var reference = LabelSettingSolver.Solve(g, NoIncumbent, () => false, 20_000_000);

            var (solved, edges, cost, _) = SeparatorDp.Solve(g, NoIncumbent, () => false, 20_000_000);

            Assert.True(reference.Solved);
            Assert.True(solved);
            Assert.Equal(reference.Cost, cost);
            Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges!));
        }
    }

    [Fact]
    public void Agrees_with_branch_and_cut_beyond_64_terminals()
    {
        // masks of 128 bits: terminals 64 and beyond must take part in every subset operation
        for (var seed = 0; seed < 3; seed++)
        {
            var g = SteinerTestGraphs.Random(16_000 + seed, 160, 40, 70 + (10 * seed), maxWeight: 20);
            var (heuristicEdges, heuristicCost) = SteinerHeuristic.Solve(g, 1, () => false, maxStarts: 4);
            var deadline = TimeProvider.System.GetTimestamp() + (60 * TimeProvider.System.TimestampFrequency);
            var reference = BranchAndCutSolver.Solve(g, heuristicEdges, heuristicCost, TimeProvider.System, deadline);

            var (solved, edges, cost, _) = SeparatorDp.Solve(g, NoIncumbent, () => false, 20_000_000);

            Assert.True(reference.Optimal, $"seed {seed}: branch-and-cut did not finish");
            Assert.True(solved, $"seed {seed}");
            Assert.Equal(reference.Cost, cost);
            Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges!));
        }
    }

    [Fact]
    public void Weights_too_large_to_scale_still_give_the_optimum()
    {
        // weights near 10^15: scaling them for the tie-breaking would overflow, so the scale shrinks (to none)
        for (var seed = 0; seed < 20; seed++)
        {
            var small = SteinerTestGraphs.Random(17_000 + seed, 12, 14, 5, maxWeight: 9);
            var edges = Enumerable.Range(0, small.EdgeCount)
                .Select(e => (small.Tail(e), small.Head(e), (small.Weight(e) * 100_000_000_000_000L) + seed))
                .ToList();
            var g = new SteinerGraph(small.NodeCount, edges, small.Terminals.ToArray());
            var optimum = SteinerTestGraphs.BruteForce(g);

            var (solved, tree, cost, _) = SeparatorDp.Solve(g, NoIncumbent, () => false, 1_000_000);

            Assert.True(solved, $"seed {seed}");
            Assert.Equal(optimum, cost);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, tree!));
        }
    }

    [Fact]
    public void Gives_up_when_the_budget_is_spent_or_the_time_is_up()
    {
        var g = SteinerTestGraphs.Random(15_000, 60, 200, 12, maxWeight: 50);

        var budget = SeparatorDp.Solve(g, NoIncumbent, () => false, 100);
        var time = SeparatorDp.Solve(g, NoIncumbent, () => true, 1_000_000);

        Assert.False(budget.Solved);
        Assert.Null(budget.Edges);
        Assert.InRange(budget.Entries, 101, long.MaxValue);
        Assert.False(time.Solved);
    }

    [Fact]
    public void Same_input_gives_the_same_tree()
    {
        var g = SteinerTestGraphs.Random(15_100, 70, 140, 10, maxWeight: 30);

        var a = SeparatorDp.Solve(g, NoIncumbent, () => false, 10_000_000);
        var b = SeparatorDp.Solve(g, NoIncumbent, () => false, 10_000_000);

        Assert.Equal(a.Edges, b.Edges);
    }

    /// <summary>
    /// Published optima of PACE 2018 instances the programme proves within seconds: 191 (36 terminals after the
    /// reductions, grid-like) and the group instances 137 and 193 (38 terminals, 37 of them on edges of weight 100,000).
    /// </summary>
    [RequiresSharedFact(Pace)]
    public void Proves_published_pace_optima()
    {
        foreach (var (name, optimum) in new[] { ("instance137", 2_103_283L), ("instance191", 1_590L), ("instance193", 3_800_656L) })
        {
            var g = StpReader.ReadFile(SharedBenchmarks.Locate($"{Pace}/{name}.gr"));
            var reduced = SteinerReducer.Reduce(g);
            var (tree, cost) = SteinerHeuristic.Solve(reduced.Graph, 1, () => false, maxStarts: 4);
            var (bounded, incumbent, incumbentCost) = SteinerReducer.ReduceWithBound(reduced, tree, cost, () => false);

            var (solved, edges, found, _) = SeparatorDp.Solve(bounded.Graph, incumbentCost, () => false, 12_000_000);

            Assert.True(solved, name);
            Assert.Equal(optimum, (edges is null ? incumbentCost : found) + bounded.FixedCost);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, bounded.MapBack(edges ?? incumbent)));
        }
    }

    private static (bool Solved, int[]? Edges, long Cost) Solve(SteinerGraph g, long upper)
    {
        var (solved, edges, cost, _) = SeparatorDp.Solve(g, upper, () => false, 1_000_000);
        return (solved, edges, cost);
    }
}
