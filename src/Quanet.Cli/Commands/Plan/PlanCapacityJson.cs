using Quanet.Planning.Capacity;
using Quanet.Planning.Scenario;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The <c>capacity</c> and <c>brownfield</c> objects of <c>quanet plan --json</c>.</summary>
internal static class PlanCapacityJson
{
    public static void Add(Dictionary<string, object?> document, Planning.Scenario.Plan plan)
    {
        if (plan.Radio is { } radio)
        {
            document["capacity"] = Capacity(plan, radio);
        }

        if (BrownfieldSummary.Of(plan) is { } b)
        {
            document["brownfield"] = new Dictionary<string, object?>
            {
                ["kept"] = b.Kept,
                ["removed"] = b.Removed,
                ["new"] = b.New,
                ["keep_cost"] = b.KeepCost,
                ["removal_cost"] = b.RemovalCost,
                ["build_cost"] = b.BuildCost,
                ["total_cost"] = b.TotalCost,
            };
        }
    }

    private static Dictionary<string, object?> Capacity(Planning.Scenario.Plan plan, RadioCapacity radio) => new()
    {
        ["objective"] = radio.Objective.ToString().ToLowerInvariant(),
        ["text"] = CapacityText.Summary(radio),
        ["cqi_table"] = radio.Table.Name,
        ["cqi_source"] = radio.Table.Source,
        ["alpha"] = SpectralEfficiency.Alpha,
        ["min_sinr_db"] = Math.Round(radio.MinSinrDb, 3),
        ["bandwidth_mhz"] = radio.BandwidthMegahertz,
        ["sectors"] = radio.Sectors,
        ["traffic_per_person_kbps"] = radio.TrafficPerPersonKbps,
        ["noise_dbm"] = Math.Round(radio.NoiseDbm, 3),
        ["people_covered"] = radio.PeopleCovered,
        ["people_served"] = radio.PeopleServed,
        ["people_at_min_sinr"] = radio.PeopleAtMinSinr,
        ["mean_sinr_db"] = Finite(radio.MeanSinrDb),
        ["p5_sinr_db"] = Finite(radio.Percentile5SinrDb),
        ["people_per_cqi"] = radio.PeoplePerCqi,
        ["traffic_demand_mbps"] = Math.Round(radio.TrafficDemandMbps, 3),
        ["traffic_served_mbps"] = Math.Round(radio.TrafficServedMbps, 3),
        ["sites_over_capacity"] = radio.SitesOverCapacity,
        ["sites"] = radio.Sites.Select(s => new Dictionary<string, object?>
        {
            ["id"] = plan.Scenario.Sites[s.Site].Id,
            ["status"] = BrownfieldSummary.Status(plan, s.Site),
            ["people_served"] = s.PeopleServed,
            ["mean_efficiency"] = Math.Round(s.MeanEfficiency, 4),
            ["capacity_mbps"] = Math.Round(s.CapacityMbps, 3),
            ["load_mbps"] = Math.Round(s.LoadMbps, 3),
            ["over_capacity"] = s.OverCapacity,
        }).ToList(),
        ["cutoff_km"] = Math.Round(radio.CutoffKilometres, 3),
        ["left_out_below_noise_db"] = Finite(radio.LeftOutBelowNoiseDb),
        ["evaluation_seconds"] = radio.EvaluationTime.TotalSeconds,
        ["rounds"] = radio.Rounds.Select(r => new Dictionary<string, object?>
        {
            ["round"] = r.Round,
            ["sites"] = r.Sites,
            ["estimate"] = r.Estimate,
            ["evaluated"] = r.Evaluated,
            ["changed"] = r.Changed,
        }).ToList(),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 3) : null;
}
