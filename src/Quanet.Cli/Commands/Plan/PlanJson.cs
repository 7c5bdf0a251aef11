namespace Quanet.Cli.Commands.Plan;

/// <summary>The <c>--json</c> document of <c>quanet plan</c>.</summary>
internal static class PlanJson
{
    public static Dictionary<string, object?> Create(Planning.Scenario.Plan plan, string[] files)
    {
        var s = plan.Scenario;
        var r = plan.Result;
        var results = new List<object>();
        foreach (var row in plan.Results)
        {
            if (row.Result is not { } x)
            {
                results.Add(new Dictionary<string, object?> { ["solver"] = row.Solver, ["skipped"] = row.Skipped });
                continue;
            }

            results.Add(new Dictionary<string, object?>
            {
                ["solver"] = x.Solver,
                ["objective"] = x.Objective,
                ["bound"] = x.Bound,
                ["gap"] = x.Gap,
                ["optimal"] = x.Optimal,
                ["feasible"] = x.Feasible,
                ["sites"] = x.Sites.Length,
                ["cost"] = x.Cost,
                ["seconds"] = x.Elapsed.TotalSeconds,
            });
        }

        return new Dictionary<string, object?>
        {
            ["covered_population"] = plan.CoveredWeight,
            ["total_population"] = plan.TotalWeight,
            ["sites"] = r.Sites.Length,
            ["objective"] = r.Objective,
            ["bound"] = r.Bound,
            ["solver"] = r.Solver,
            ["gap"] = r.Gap,
            ["optimal"] = r.Optimal,
            ["cost"] = r.Cost,
            ["region"] = s.Region.Name,
            ["demand_points"] = s.Demand.Count,
            ["candidates"] = s.Instance.SiteCount,
            ["presolved_demand_points"] = plan.Presolve.Reduced.DemandCount,
            ["presolved_candidates"] = plan.Presolve.Reduced.SiteCount,
            ["band_mhz"] = s.Request.BandMegahertz,
            ["model"] = s.Model.Name,
            ["max_path_loss_db"] = Math.Round(s.MaximumPathLoss.Value, 3),
            ["cell_radius_m"] = Math.Round(ScenarioRadius(plan), 1),
            ["coverage_ms"] = Math.Round(s.CoverageTime.TotalMilliseconds, 1),
            ["solve_seconds"] = r.Elapsed.TotalSeconds,
            ["results"] = results,
            ["files"] = files,
        };
    }

    private static double ScenarioRadius(Planning.Scenario.Plan plan) =>
        Planning.Scenario.ScenarioBuilder.RadiusFor(plan.Scenario.Request, plan.Scenario.Model, new Core.Units.Metres(plan.Scenario.Request.SiteHeightMetres)).Value;
}
