using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Sampling.Bifurcation;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

public sealed class SetCoverHybridSearchTests
{
    [Fact]
    public void Offers_hold_the_optimum_greedy_misses_and_the_sub_answers_make_all_the_gain()
    {
        // A covers rows 0-4 for 4 (0.8 a row), B rows 0-2 and C rows 3-5 for 2.6 each: greedy takes A, then C for
        // row 5 (6.6); the optimum is B and C (5.2), which a subproblem freeing A offers
        var instance = new CoverageInstance([1, 1, 1, 1, 1, 1], [4, 2.6, 2.6], [[0, 1, 2, 3, 4], [0, 1, 2], [3, 4, 5]]);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        var solver = new HybridPlacementSolver(new ExhaustiveSolver(), subSize: 3, subproblems: 8);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.True(result.Feasible);
        Assert.Equal(5.2, result.Objective, 9);
        Assert.Equal([1, 2], result.Sites);
        Assert.Equal(6.6, result.Hybrid!.StartEnergy, 9);
        Assert.Equal(1.4, result.Hybrid.SubproblemGain, 9);
        Assert.Equal(0, result.Hybrid.RepairGain);
        Assert.Equal(HybridEncoding.ColumnCover, result.Hybrid.Encoding);
        Assert.True(result.Hybrid.Improving >= 1);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void Reaches_the_brute_force_optimum_on_small_covers_with_the_gain_from_sub_answers(int seed)
    {
        var instance = SmallInstances.Random(seed, demand: 16, sites: 14);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;
        var solver = new HybridPlacementSolver(new TabuSampler { MovesPerRead = 500 }, subSize: 12, subproblems: 400);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.True(result.Feasible);
        Assert.Equal(optimum, result.Objective, 6);
        Assert.Equal(result.Hybrid!.StartEnergy - result.Objective, result.Hybrid.SubproblemGain, 6);
        Assert.Equal(400, result.Hybrid.Subproblems);
    }

    [Fact]
    public void Same_seed_and_budget_give_the_same_cover_at_one_and_two_threads()
    {
        var instance = SmallInstances.Random(12, demand: 60, sites: 40);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        PlacementResult Run(int threads) => new HybridPlacementSolver(new TabuSampler { MovesPerRead = 300 }, subSize: 16, subproblems: 150)
            .Solve(instance, goal, SmallInstances.Options(60) with { Seed = 4, Threads = threads });

        var first = Run(1);
        var second = Run(1);
        var two = Run(2);

        Assert.Equal(first.Sites, second.Sites);
        Assert.Equal(first.Hybrid!.Accepted, second.Hybrid!.Accepted);
        Assert.Equal(first.Hybrid.SubproblemGain, second.Hybrid.SubproblemGain);
        Assert.Equal(first.Sites, two.Sites);
        Assert.Equal(first.Objective, two.Objective);
        Assert.Equal(150, first.Hybrid.Subproblems);
    }

    [Theory]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("sb")]
    [InlineData("qaoa")]
    public void Every_sub_solver_returns_a_cover_no_dearer_than_the_start(string name)
    {
        var instance = SmallInstances.Random(5, demand: 14, sites: 10);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        ISampler sampler = name switch
        {
            "sa" => new SimulatedAnnealingSampler { Sweeps = 100 },
            "pt" => new ParallelTemperingSampler { Sweeps = 50, Replicas = 4 },
            "sb" => new SimulatedBifurcationSampler { Steps = 200, Replicas = 4 },
            _ => new Optimization.Qaoa.QaoaSampler { Starts = 1, MaxEvaluations = 30 },
        };
        var solver = new HybridPlacementSolver(sampler, subSize: 8, subproblems: 10);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.True(result.Feasible);
        Assert.True(result.Objective <= result.Hybrid!.StartEnergy + 1e-9);
        Assert.Equal(10, result.Hybrid.Subproblems);
    }
}
