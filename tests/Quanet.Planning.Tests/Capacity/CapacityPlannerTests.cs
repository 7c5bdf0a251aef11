using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Capacity;

public sealed class CapacityPlannerTests
{
    private static readonly PlacementOptions Options = new() { TimeLimit = TimeSpan.FromSeconds(5), Seed = 1 };

    // Hata suburban, 30 m masts: radius 6.06 km, where the median SNR is 0 dB (the budget's -6 dB plus its 6 dB fade
    // margin); 3 km from a mast the SNR is 10.8 dB. a covers S (2 km) and P (3 km); b covers Q (3 km); c covers R (3 km).
    // P is 6.5 km from b and Q 6.5 km from a: with a and b both on air each interferes 11.8 dB below the other's server,
    // SINR 8.25 dB at P and Q, below the 10 dB asked. S (11.5 km from b) and R (47-57 km from a, b) stay clean.
    private static PlanScenario Interfering(PlanObjective objective) => LineScenario.Build(LineScenario.Request(
        [("S", -2, 100), ("P", 3, 1000), ("Q", 6.5, 900), ("R", 57, 800)],
        [("a", 0, 30, 1, ""), ("b", 9.5, 30, 1, ""), ("c", 60, 30, 1, "")],
        new PlacementGoal { MaxSites = 2 }) with
    { Capacity = new CapacityRequest { Objective = objective, MinSinrDb = 10 } });

    [Fact]
    public void Coverage_objective_takes_the_interfering_pair_and_the_evaluation_says_so()
    {
        var plan = CapacityPlanner.Solve(Interfering(PlanObjective.Coverage), [new CpSatPlacementSolver()], Options);

        Assert.Equal(["a", "b"], Ids(plan));
        Assert.Equal(2000, plan.CoveredWeight);
        var radio = plan.Radio!;
        Assert.Equal(2000, radio.PeopleCovered);
        Assert.Equal(100, radio.PeopleAtMinSinr);
        Assert.InRange(radio.DemandSinrDb[1], 7, 9.5);
        Assert.Equal(8.25, radio.DemandSinrDb[1], 0.01);
        Assert.InRange(radio.DemandSinrDb[2], 7, 9.5);
        Assert.Single(radio.Rounds);
    }

    [Fact]
    public void Sinr_objective_moves_the_second_site_away_from_the_first()
    {
        var plan = CapacityPlanner.Solve(Interfering(PlanObjective.Sinr), [new CpSatPlacementSolver()], Options);

        Assert.Equal(["a", "c"], Ids(plan));
        var radio = plan.Radio!;
        Assert.Equal(PlanObjective.Sinr, radio.Objective);
        Assert.Equal(1900, radio.PeopleAtMinSinr);
        Assert.True(radio.DemandSinrDb[1] >= 10, $"P at {radio.DemandSinrDb[1]} dB");
        // round 1 takes a and b (100 people at 10 dB), round 2 a and c (1,900), round 3 repeats round 2 and stops
        Assert.Equal([100.0, 1900, 1900], radio.Rounds.Select(r => r.Evaluated));
        Assert.Equal(0, radio.Rounds[^1].Changed);
    }

    [Fact]
    public void Sinr_rounds_stop_at_the_best_so_far_when_the_filtered_instance_cannot_meet_a_cover_target()
    {
        // covering all four towns needs a, b and c; at 10 dB P and Q fail, so no second round can cover everyone
        var scenario = LineScenario.Build(Interfering(PlanObjective.Sinr).Request with { Goal = new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = 1.0 } });

        var plan = CapacityPlanner.Solve(scenario, [new CpSatPlacementSolver()], Options);

        Assert.Equal(["a", "b", "c"], Ids(plan));
        Assert.Equal(900, plan.Radio!.PeopleAtMinSinr);
        Assert.Single(plan.Radio.Rounds);
    }

    [Fact]
    public void Site_capacity_is_bandwidth_times_sectors_times_spectral_efficiency()
    {
        // one site 100 m from the only town: SNR far above 27.9 dB, so SE is CQI 15's 5.5547 bit/s/Hz;
        // 10 MHz x 3 sectors x 5.5547 = 166.641 Mbit/s; 2,000 people x 50 kbit/s = 100 Mbit/s of load
        var request = LineScenario.Request([("T", 0, 2000)], [("m", 0.1, 30, 1, "")], new PlacementGoal { MaxSites = 1 })
            with
        { Capacity = new CapacityRequest { Sectors = 3 } };

        var plan = CapacityPlanner.Solve(LineScenario.Build(request), [new CpSatPlacementSolver()], Options);

        var site = Assert.Single(plan.Radio!.Sites);
        Assert.Equal(5.5547, site.MeanEfficiency, 9);
        Assert.Equal(166.641, site.CapacityMbps, 6);
        Assert.Equal(100, site.LoadMbps, 9);
        Assert.False(site.OverCapacity);
        Assert.Equal(2000, plan.Radio.PeoplePerCqi[15]);
    }

    [Fact]
    public void Capacity_at_a_known_sinr_is_the_shannon_fit()
    {
        // two sites 1 km either side of the town, free space: SINR 0 dB (less noise) at T, SE 0.6 log2(2) = 0.6;
        // each serving half... the nearer is s1 (0.999 km), which serves all of T: capacity 10 MHz x 0.6 = 6 Mbit/s
        var request = LineScenario.Request([("T", 0, 1000)], [("s1", -0.999, 1.5, 1, "fixed"), ("s2", 1, 1.5, 1, "fixed")], new PlacementGoal { MaxSites = 2 }, "free-space");

        var plan = CapacityPlanner.Solve(LineScenario.Build(request), [new CpSatPlacementSolver()], Options);

        var radio = plan.Radio!;
        var s1 = radio.Sites.Single(s => plan.Scenario.Sites[s.Site].Id == "s1");
        var expectedSinr = radio.DemandSinrDb[0];
        Assert.InRange(expectedSinr, -0.01, 0.02);
        var se = 0.6 * Math.Log2(1 + Math.Pow(10, expectedSinr / 10));
        Assert.Equal(se, s1.MeanEfficiency, 9);
        Assert.Equal(10 * se, s1.CapacityMbps, 9);
        Assert.Equal(0, radio.Sites.Single(s => s.Site != s1.Site).CapacityMbps);
        Assert.Equal(1000, radio.PeoplePerCqi[CqiTable.Lte.Cqi(se)]);
    }

    [Fact]
    public void Traffic_objective_reports_the_served_traffic_within_capacity()
    {
        // S, P, Q, R above at 5,000 kbit/s a person: demand far beyond what 10 MHz carries, so each site serves its capacity
        var scenario = Interfering(PlanObjective.Traffic);
        scenario = LineScenario.Build(scenario.Request with { Capacity = new CapacityRequest { Objective = PlanObjective.Traffic, TrafficPerPersonKbps = 5000 } });

        var plan = CapacityPlanner.Solve(scenario, [new CpSatPlacementSolver()], Options);

        var radio = plan.Radio!;
        Assert.Equal(PlanObjective.Traffic, radio.Objective);
        Assert.Equal(2, radio.Sites.Count);
        var capacity = radio.Sites.Sum(s => s.CapacityMbps);
        Assert.Equal(capacity, radio.TrafficServedMbps, 6);
        Assert.Equal(2, radio.SitesOverCapacity);
        Assert.True(radio.Rounds.Count >= 1);
        Assert.Equal(radio.Rounds.Max(r => r.Evaluated), radio.TrafficServedMbps, 6);
    }

    private static string[] Ids(Plan plan) => [.. plan.Result.Sites.Select(j => plan.Scenario.Sites[j].Id).Order(StringComparer.Ordinal)];
}
