using Quanet.Optimization.Exact;
using Quanet.Optimization.Hybrid;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

public sealed class SiteSubQuboTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(5, 1)]
    public void Sub_energy_is_the_exact_coverage_with_two_chosen_coverers_per_point_and_bounded_above_it_otherwise(int seed, int count)
    {
        var instance = SmallInstances.Random(seed, demand: 16, sites: 12);
        var index = CoverageIndex.Build(instance);
        var clamped = new CoverageState(instance, index);
        clamped.Flip(0);
        clamped.Flip(1);
        int[] free = [2, 3, 4, 5, 6, 7, 8, 9, 10];
        var model = new SiteSubQubo(instance, index).Build(clamped, free, count, out var offset);
        var exactStates = 0;
        var overStates = 0;

        for (var mask = 0; mask < 1 << free.Length; mask++)
        {
            var state = new sbyte[free.Length];
            var full = new CoverageState(instance, index);
            full.Flip(0);
            full.Flip(1);
            var chosen = 0;
            for (var a = 0; a < free.Length; a++)
            {
                if (((mask >> a) & 1) == 1)
                {
                    state[a] = 1;
                    full.Flip(free[a]);
                    chosen++;
                }
            }

            if (chosen != count)
            {
                continue;
            }

            // the Bonferroni remainder: w (m - 1)(m - 2) / 2 for a point the clamped sites leave uncovered with m chosen free coverers
            var remainder = 0.0;
            for (var i = 0; i < instance.DemandCount; i++)
            {
                var m = full.Count[i] - clamped.Count[i];
                if (clamped.Count[i] == 0 && m >= 3)
                {
                    remainder += instance.DemandWeight[i] * (m - 1) * (m - 2) / 2;
                }
            }

            var exact = -full.Covered;
            var proposal = model.Energy(state) + offset;
            Assert.Equal(exact + remainder, proposal, 6);
            if (remainder == 0)
            {
                exactStates++;
            }
            else
            {
                overStates++;
            }
        }

        // the instances exercise the exact case, and for count 3 also the bounded over-charge
        Assert.True(exactStates > 0);
        Assert.True(count < 3 || overStates > 0);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    public void Every_optimum_of_the_sub_qubo_chooses_exactly_the_freed_count(int seed, int count)
    {
        var instance = SmallInstances.Random(seed, demand: 20, sites: 14);
        var index = CoverageIndex.Build(instance);
        var clamped = new CoverageState(instance, index);
        clamped.Flip(13);
        int[] free = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var model = new SiteSubQubo(instance, index).Build(clamped, free, count, out _);

        var best = new ExhaustiveSolver().Sample(model, new() { Seed = 1 }).Best.State;

        var chosen = 0;
        foreach (var x in best)
        {
            chosen += x;
        }

        Assert.Equal(count, chosen);
    }

    [Fact]
    public void Neighbourhood_holds_the_swap_greedy_misses_and_the_sub_answer_makes_the_gain()
    {
        // A covers points 0-3 (weight 4), B points 0, 1, 4 and C points 2, 3, 5 (2.9 each): greedy with two sites takes A
        // then B (4.9); the optimum is B and C (5.8), one swap of A for C that a sub-QUBO over {A, B, C} holds
        var instance = new CoverageInstance([1, 1, 1, 1, 0.9, 0.9], [1, 1, 1], [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]]);
        var goal = new PlacementGoal { MaxSites = 2 };
        var solver = new HybridPlacementSolver(new ExhaustiveSolver(), subSize: 3, subproblems: 6);

        var result = solver.Solve(instance, goal, SmallInstances.Options(30));

        Assert.Equal(5.8, result.Objective, 9);
        Assert.Equal([1, 2], result.Sites);
        Assert.Equal(-4.9, result.Hybrid!.StartEnergy, 9);
        Assert.Equal(0.9, result.Hybrid.SubproblemGain, 9);
        Assert.Equal(HybridEncoding.SiteCoverage, result.Hybrid.Encoding);
        Assert.True(result.Hybrid.Improving >= 1);
    }

    [Fact]
    public void Same_seed_and_budget_give_the_same_run_twice()
    {
        var instance = SmallInstances.Random(11, demand: 80, sites: 40);
        var goal = new PlacementGoal { MaxSites = 6 };
        PlacementResult Run() => new HybridPlacementSolver(new Optimization.Sampling.TabuSampler { MovesPerRead = 300 }, subSize: 16, subproblems: 120)
            .Solve(instance, goal, SmallInstances.Options(60) with { Seed = 9 });

        var first = Run();
        var second = Run();

        Assert.Equal(first.Sites, second.Sites);
        Assert.Equal(first.Objective, second.Objective);
        Assert.Equal(first.Hybrid!.Accepted, second.Hybrid!.Accepted);
        Assert.Equal(first.Hybrid.SubproblemGain, second.Hybrid.SubproblemGain);
        Assert.Equal(120, first.Hybrid.Subproblems);
    }
}
