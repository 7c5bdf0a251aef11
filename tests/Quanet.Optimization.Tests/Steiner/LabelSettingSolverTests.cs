using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class LabelSettingSolverTests
{
    private const long NoIncumbent = long.MaxValue / 4;

    [Fact]
    public void Finds_the_brute_force_optimum_without_an_incumbent() =>
        SubsetProgrammeChecks.FindsTheBruteForceOptimum(Solve, 5000, graphs: 60, maxTerminals: 7);

    [Fact]
    public void Proves_an_optimal_incumbent_and_improves_a_worse_one() =>
        SubsetProgrammeChecks.ProvesAnOptimalIncumbentAndImprovesAWorseOne(Solve, 6000);

    [Fact]
    public void Agrees_with_branch_and_cut_on_larger_graphs()
    {
        for (var seed = 0; seed < 6; seed++)
        {
            var g = SteinerTestGraphs.Random(7000 + seed, 80, 120, 12, maxWeight: 50);
            var (heuristicEdges, heuristicCost) = SteinerHeuristic.Solve(g, 1, () => false, maxStarts: 4);
            var deadline = TimeProvider.System.GetTimestamp() + (60 * TimeProvider.System.TimestampFrequency);
            var reference = BranchAndCutSolver.Solve(g, heuristicEdges, heuristicCost, TimeProvider.System, deadline);

            var (solved, edges, cost, _) = LabelSettingSolver.Solve(g, heuristicCost, () => false, 10_000_000);

            Assert.True(reference.Optimal, $"seed {seed}: branch-and-cut did not finish");
            Assert.True(solved, $"seed {seed}");
            Assert.Equal(reference.Cost, cost);
            if (edges is not null)
            {
                Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges));
            }
        }
    }

    [Fact]
    public void Agrees_with_branch_and_cut_on_group_instances_with_big_weights()
    {
        // Group Steiner instances in disguise (as PACE 2018 instance101 and others): every terminal hangs on
        // equal, very expensive edges, so the optimum is k times that weight plus a small remainder, and the
        // bounds must be exact to the unit at an objective of millions.
        for (var seed = 0; seed < 4; seed++)
        {
            var g = SteinerTestGraphs.Group(9000 + seed, baseNodes: 40, terminals: 7, bigWeight: 1_000_000);
            var (heuristicEdges, heuristicCost) = SteinerHeuristic.Solve(g, 1, () => false, maxStarts: 2);
            var deadline = TimeProvider.System.GetTimestamp() + (60 * TimeProvider.System.TimestampFrequency);
            var reference = BranchAndCutSolver.Solve(g, heuristicEdges, heuristicCost, TimeProvider.System, deadline);

            var (solved, _, cost, _) = LabelSettingSolver.Solve(g, heuristicCost, () => false, 10_000_000);

            Assert.True(solved);
            Assert.True(reference.Optimal);
            Assert.Equal(cost, reference.Cost);
            Assert.Equal(cost, reference.LowerBound);
        }
    }

    [Fact]
    public void Gives_up_when_the_label_budget_is_spent()
    {
        var g = SteinerTestGraphs.Random(8000, 60, 200, 12, maxWeight: 50);

        var (solved, edges, _, labels) = LabelSettingSolver.Solve(g, NoIncumbent, () => false, 100);

        Assert.False(solved);
        Assert.Null(edges);
        Assert.Equal(100, labels);
    }

    [Fact]
    public void Same_input_gives_the_same_tree()
    {
        var g = SteinerTestGraphs.Random(8100, 70, 140, 10, maxWeight: 30);

        var a = LabelSettingSolver.Solve(g, NoIncumbent, () => false, 10_000_000);
        var b = LabelSettingSolver.Solve(g, NoIncumbent, () => false, 10_000_000);

        Assert.Equal(a.Edges, b.Edges);
    }

    private static (bool Solved, int[]? Edges, long Cost) Solve(SteinerGraph g, long upper)
    {
        var (solved, edges, cost, _) = LabelSettingSolver.Solve(g, upper, () => false, 1_000_000);
        return (solved, edges, cost);
    }
}
