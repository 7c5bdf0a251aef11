using Quanet.Optimization.Exact;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

public sealed class HybridPlacementSolverTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(4, 3)]
    public void Maximal_covering_answer_is_feasible_and_reaches_the_brute_force_optimum(int seed, int p)
    {
        var instance = SmallInstances.Random(seed, demand: 14, sites: 11);
        var goal = new PlacementGoal { MaxSites = p };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;
        var solver = new HybridPlacementSolver(new TabuSampler { MovesPerRead = 2000 }, subSize: 24, subproblems: 200);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.True(result.Feasible);
        Assert.False(result.Repaired);
        Assert.True(result.Sites.Length <= p);
        Assert.Equal(optimum, result.Objective, 6);
        Assert.NotNull(result.Hybrid);
        Assert.Equal(200, result.Hybrid.Subproblems);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Set_cover_answer_is_a_cover_no_dearer_than_the_greedy_start(int seed)
    {
        var instance = SmallInstances.Random(seed, demand: 14, sites: 12);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;
        var solver = new HybridPlacementSolver(new ExhaustiveSolver(), subSize: 16, subproblems: 60);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.True(result.Feasible);
        Assert.True(result.Objective >= optimum - 1e-6);
        Assert.True(result.Objective <= result.Hybrid!.StartEnergy + 1e-6);
        Assert.Equal(result.Hybrid.StartEnergy - result.Objective, result.Hybrid.SubproblemGain + result.Hybrid.RepairGain, 6);
    }

    [Fact]
    public void Same_seed_gives_the_same_selection_at_one_and_two_threads()
    {
        var instance = SmallInstances.Random(7, demand: 30, sites: 20);
        var goal = new PlacementGoal { MaxSites = 5 };
        PlacementResult Run(int threads) => new HybridPlacementSolver(new TabuSampler { MovesPerRead = 1000 }, subSize: 32, subproblems: 40)
            .Solve(instance, goal, SmallInstances.Options(30) with { Threads = threads, Seed = 3 });

        var one = Run(1);
        var two = Run(2);

        Assert.Equal(one.Sites, two.Sites);
        Assert.Equal(one.Objective, two.Objective);
        Assert.Equal(one.Hybrid!.Accepted, two.Hybrid!.Accepted);
    }
}
