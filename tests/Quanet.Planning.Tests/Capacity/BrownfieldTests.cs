using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Capacity;

public sealed class BrownfieldTests
{
    // X is covered by the existing e1 (keep cost 5) or a new n1 (build cost 1); Y only by the existing e2 (keep cost 0.5)
    private static PlanRequest Request(double removalCost) => LineScenario.Request(
        [("X", 0, 500), ("Y", 30, 400)],
        [("e1", 1, 30, 5, "existing"), ("n1", -1, 30, 1, ""), ("e2", 31, 30, 0.5, "existing")],
        new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = 1.0 }) with
    { Capacity = new CapacityRequest { RemovalCost = removalCost } };

    [Fact]
    public void An_expensive_existing_site_is_removed_when_a_new_one_covers_the_same_for_less()
    {
        var plan = CapacityPlanner.Solve(LineScenario.Build(Request(0)), [new CpSatPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(5) });

        var brownfield = BrownfieldSummary.Of(plan)!;
        Assert.Equal(["e2"], brownfield.Kept);
        Assert.Equal(["e1"], brownfield.Removed);
        Assert.Equal(1, brownfield.New);
        Assert.Equal(1.5, brownfield.TotalCost, 9);
        Assert.Equal(900, plan.CoveredWeight);
        Assert.Equal("removed", BrownfieldSummary.Status(plan, 0));
        Assert.Equal("new", BrownfieldSummary.Status(plan, 1));
        Assert.Equal("kept", BrownfieldSummary.Status(plan, 2));
    }

    [Fact]
    public void A_removal_cost_makes_keeping_the_existing_site_cheaper()
    {
        // keeping e1 now costs 5 - 4.5 = 0.5 against 1 for n1; e2's 0.5 - 4.5 is clamped at 0
        var plan = CapacityPlanner.Solve(LineScenario.Build(Request(4.5)), [new CpSatPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(5) });

        var brownfield = BrownfieldSummary.Of(plan)!;
        Assert.Equal(["e1", "e2"], brownfield.Kept);
        Assert.Empty(brownfield.Removed);
        Assert.Equal(0, brownfield.New);
        Assert.Equal(0.5, plan.Result.Cost, 9);
        Assert.Equal(5.5, brownfield.TotalCost, 9);
    }

    [Fact]
    public void A_plan_without_existing_sites_has_no_brownfield_summary()
    {
        var request = LineScenario.Request([("X", 0, 500)], [("n1", -1, 30, 1, "")], new PlacementGoal { MaxSites = 1 });

        var plan = CapacityPlanner.Solve(LineScenario.Build(request), [new CpSatPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(5) });

        Assert.Null(BrownfieldSummary.Of(plan));
    }
}
