using Quanet.Workflows.Plan;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The <c>--json</c> document of <c>quanet plan</c>.</summary>
internal static class PlanJson
{
    // what the row's quantum model needs on hardware (the compare table's quantum columns)
    private static Dictionary<string, object?> Hardware(Quanet.Optimization.Hardware.HardwareFootprint f) => new()
    {
        ["logical_variables"] = f.LogicalVariables,
        ["couplers"] = f.Couplers,
        ["pegasus"] = Embedding(f.Pegasus),
        ["zephyr"] = Embedding(f.Zephyr),
        ["routed"] = new Dictionary<string, object?>
        {
            ["coupling_map"] = f.Routed.CouplingMap,
            ["qaoa_depth_p"] = 1,
            ["two_qubit_gates"] = f.Routed.TwoQubitGates,
            ["depth"] = f.Routed.Depth,
            ["swaps"] = f.Routed.Swaps,
            ["reason"] = f.Routed.Reason,
        },
    };

    private static Dictionary<string, object?> Embedding(Quanet.Optimization.Hardware.EmbeddingFigure e) => new()
    {
        ["topology"] = e.Topology,
        ["physical_qubits"] = e.PhysicalQubits,
        ["max_chain_length"] = e.MaxChainLength,
        ["method"] = e.Method,
        ["reason"] = e.Reason,
    };

    public static Dictionary<string, object?> Create(PlanWorkflowResult result, IReadOnlyList<string> files)
    {
        var plan = result.Plan;
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

            var entry = new Dictionary<string, object?>
            {
                ["solver"] = x.Solver,
                ["objective"] = x.Objective,
                ["bound"] = x.Bound,
                ["gap"] = x.Gap,
                ["gap_to_best_bound"] = row.GapToBestBound,
                ["optimal"] = x.Optimal,
                ["feasible"] = x.Feasible,
                ["sites"] = x.Sites.Length,
                ["cost"] = x.Cost,
                ["seconds"] = x.Elapsed.TotalSeconds,
                ["hybrid"] = x.Hybrid,
            };
            if (row.Footprint is { } f)
            {
                entry["hardware"] = Hardware(f);
            }

            results.Add(entry);
        }

        var document = new Dictionary<string, object?>
        {
            ["interrupted"] = result.Interrupted,
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
            ["warnings"] = s.Warnings,
            ["demand_total"] = plan.TotalWeight,
            ["covered"] = plan.CoveredWeight,
            ["demand"] = new Dictionary<string, object?>
            {
                ["text"] = s.DemandSource.Text,
                ["kind"] = s.DemandSource.Kind,
                ["cell_km"] = s.DemandSource.CellKilometres,
                ["crs"] = s.DemandSource.Crs,
                ["file"] = s.DemandSource.File,
                ["people_outside_region"] = s.DemandSource.PeopleOutsideRegion,
            },
            ["terrain"] = new Dictionary<string, object?>
            {
                ["text"] = s.Terrain.Text,
                ["dem"] = s.Terrain.Dem,
                ["pairs_checked"] = s.Terrain.PairsChecked,
                ["pairs_shadowed"] = s.Terrain.PairsShadowed,
                ["pairs_not_line_of_sight"] = s.Terrain.PairsObstructed,
                ["pairs_outside_dem"] = s.Terrain.PairsOutsideDem,
                ["seconds"] = s.Terrain.Elapsed.TotalSeconds,
            },
            ["max_path_loss_db"] = Math.Round(s.MaximumPathLoss.Value, 3),
            ["cell_radius_m"] = Math.Round(ScenarioRadius(plan), 1),
            ["coverage_ms"] = Math.Round(s.CoverageTime.TotalMilliseconds, 1),
            ["solve_seconds"] = r.Elapsed.TotalSeconds,
            ["results"] = results,
            ["files"] = files,
        };
        PlanCapacityJson.Add(document, plan);
        if (result.Backhaul is { } design)
        {
            document["backhaul"] = new
            {
                links = design.Links.Count,
                total_length_km = design.TotalLengthKm,
                total_cost = design.TotalCost,
                lower_bound = design.LowerBound,
                optimal = design.Optimal,
                pops_used = design.PopsUsed,
                max_hops = design.MaxHops,
            };
        }

        if (result.Security is { } security)
        {
            var modes = new Dictionary<string, int>();
            foreach (var link in security.Links)
            {
                modes[link.Decision.Mode.ToString()] = modes.GetValueOrDefault(link.Decision.Mode.ToString()) + 1;
            }

            document["security"] = new { required_rate_bps = security.Policy.RequiredRateBitsPerSecond, links = security.Links.Count, modes };
        }

        return document;
    }

    private static double ScenarioRadius(Planning.Scenario.Plan plan) =>
        Planning.Scenario.ScenarioBuilder.RadiusFor(plan.Scenario.Request, plan.Scenario.Model, new Core.Units.Metres(plan.Scenario.Request.SiteHeightMetres)).Value;
}
