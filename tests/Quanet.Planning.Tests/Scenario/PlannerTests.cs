using Quanet.Optimization;
using Quanet.Planning.Coverage;
using Quanet.Planning.Interim;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Scenario;

public sealed class PlannerTests
{
    internal static readonly PlanRequest Saarland = new() { Country = "DE", Admin1 = "09", SpacingKilometres = 4, Goal = new PlacementGoal { MaxSites = 5 } };

    [Fact]
    public void Builds_a_scenario_with_grid_candidates_and_place_demand()
    {
        var scenario = ScenarioBuilder.Build(Saarland, TimeProvider.System);

        Assert.Equal(60, scenario.Demand.Count);
        Assert.True(scenario.Sites.Count > 100);
        Assert.All(scenario.SiteRadius, r => Assert.Equal(scenario.SiteRadius[0], r));
        Assert.InRange(scenario.SiteRadius[0], 3_000, 10_000);
    }

    [Fact]
    public void Plans_respect_the_site_limit_and_report_consistent_coverage()
    {
        var scenario = ScenarioBuilder.Build(Saarland, TimeProvider.System);

        var plan = Planner.Solve(scenario, [new InterimGreedySolver(TimeProvider.System)], new PlacementOptions());

        Assert.InRange(plan.Result.Sites.Length, 1, 5);
        Assert.Equal(plan.Result.CoveredDemand, plan.CoveredWeight, 6);
        Assert.Equal(CoverageEvaluator.CoveredWeight(scenario.Instance, plan.Result.Sites), plan.CoveredWeight, 6);
        var served = 0.0;
        foreach (var s in plan.Result.Sites)
        {
            served += plan.SitePopulation[s];
        }

        Assert.Equal(plan.CoveredWeight, served, 6);
    }

    [Theory]
    [InlineData(0.5, "budget 0.5 buys no site: the cheapest candidate costs 1")]
    public void Rejects_an_impossible_budget(double budget, string message)
    {
        var instance = new CoverageInstance([1], [1, 2], [[0], [0]]);

        var ex = Assert.Throws<QuanetException>(() => Planner.CheckGoal(instance, new PlacementGoal { Budget = budget }));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Rejects_fewer_sites_than_fixed_ones()
    {
        var instance = new CoverageInstance([1], [1, 2], [[0], [0]], [SiteFlag.Fixed, SiteFlag.Fixed]);

        var ex = Assert.Throws<QuanetException>(() => Planner.CheckGoal(instance, new PlacementGoal { MaxSites = 1 }));

        Assert.Equal("--sites 1 is fewer than the 2 fixed sites", ex.Message);
    }

    [Fact]
    public void Greedy_covers_everything_with_enough_sites_in_set_cover()
    {
        var instance = new CoverageInstance([1, 2, 3], [1, 1, 5], [[0], [1, 2], [0, 1, 2]]);

        var result = new InterimGreedySolver(TimeProvider.System).Solve(instance, new PlacementGoal { Kind = PlacementKind.SetCover }, new PlacementOptions());

        Assert.Equal([0, 1], result.Sites);
        Assert.Equal(2, result.Objective);
    }
}
