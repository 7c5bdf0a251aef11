using Quanet.Core;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Coverage;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Scenario;

public sealed class PlannerTests
{
    // place points (the demand before the modelled surface): these tests are about the planner, not the demand
    internal static readonly PlanRequest Saarland = new() { Country = "DE", Admin1 = "09", SpacingKilometres = 4, DemandModel = Planning.Population.DemandModel.Places, Goal = new PlacementGoal { MaxSites = 5 } };

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

        var plan = Planner.Solve(scenario, [new HeuristicPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(2) });

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

        var ex = Assert.Throws<QuanetException>(() => GoalValidator.Check(instance, new PlacementGoal { Budget = budget }));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Rejects_fewer_sites_than_fixed_ones()
    {
        var instance = new CoverageInstance([1], [1, 2], [[0], [0]], [SiteFlag.Fixed, SiteFlag.Fixed]);

        var ex = Assert.Throws<QuanetException>(() => GoalValidator.Check(instance, new PlacementGoal { MaxSites = 1 }));

        Assert.Equal("a limit of 1 sites is below the 2 fixed sites", ex.Message);
    }

    [Fact]
    public void Compares_solvers_and_keeps_the_best_feasible_plan()
    {
        var scenario = ScenarioBuilder.Build(Saarland, TimeProvider.System);
        IPlacementSolver[] solvers = [new HeuristicPlacementSolver(), new CpSatPlacementSolver(), new QuboPlacementSolver(new QaoaSampler(), "qaoa", QuboPlacementSolver.QaoaMaxQubits)];

        var plan = Planner.Solve(scenario, solvers, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(3) });

        Assert.Equal(["heuristic", "cpsat", "qaoa"], plan.Results.Select(r => r.Solver));
        var solved = plan.Results.Where(r => r.Result is not null).Select(r => r.Result!).ToList();
        Assert.Equal(solved.Max(r => r.Objective), plan.Result.Objective);
        var cpsat = plan.Results[1].Result!;
        Assert.True(cpsat.Bound >= cpsat.Objective - 1e-6);
        Assert.True(plan.Result.Objective <= cpsat.Bound + 1e-6);
    }

    [Fact]
    public void A_comparison_measures_every_row_against_the_best_bound_and_gives_quantum_rows_their_footprint()
    {
        var scenario = ScenarioBuilder.Build(Saarland, TimeProvider.System);
        IPlacementSolver[] solvers = [new CpSatPlacementSolver(), new HybridPlacementSolver(new TabuSampler { MovesPerRead = 2000 }, subSize: 20, subproblems: 40)];

        var plan = Planner.Solve(scenario, solvers, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(10) });

        var (cpsat, hybrid) = (plan.Results[0], plan.Results[1]);
        Assert.True(cpsat.Result!.Optimal);
        Assert.Null(cpsat.Footprint);
        Assert.Equal(cpsat.Result.Bound, hybrid.BestBound);
        Assert.Equal(Math.Abs(cpsat.Result.Bound!.Value - hybrid.Result!.Objective) / cpsat.Result.Bound.Value, hybrid.GapToBestBound!.Value, 12);
        // the footprint is that of the largest sub-QUBO the tabu sub-solver was given: at most the sub-size
        var footprint = hybrid.Footprint!;
        Assert.Equal(hybrid.Result.HardwareModel!.VariableCount, footprint.LogicalVariables);
        Assert.InRange(footprint.LogicalVariables, 2, 20);
        Assert.Null(footprint.Routed.Reason);
        Assert.True(footprint.Routed.TwoQubitGates >= 2 * footprint.Couplers);
    }

    [Theory]
    [InlineData("DE", null, "02")]
    [InlineData("de", null, "02")]
    [InlineData("DE", "all", null)]
    [InlineData("DE", "09", "09")]
    [InlineData("ES", null, null)]
    [InlineData("GB", "ALL", null)]
    public void The_default_region_is_Bavaria_for_Germany_and_the_whole_country_elsewhere(string country, string? admin1, string? expected)
    {
        Assert.Equal(expected, PlanRequest.ResolveAdmin1(country, admin1));
    }
}
