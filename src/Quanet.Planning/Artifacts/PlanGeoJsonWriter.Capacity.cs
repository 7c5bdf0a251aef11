using System.Text.Json;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Artifacts;

public static partial class PlanGeoJsonWriter
{
    // a chosen site's brownfield status (kept or new) and its capacity and busy-hour load, Mbit/s
    private static void SiteCapacity(Utf8JsonWriter w, Plan plan, int site)
    {
        w.WriteString("status", BrownfieldSummary.Status(plan, site));
        if (plan.Radio?.Site(site) is { } load)
        {
            w.WriteNumber("capacity_mbps", Math.Round(load.CapacityMbps, 3));
            w.WriteNumber("load_mbps", Math.Round(load.LoadMbps, 3));
        }
    }

    // the SINR at the strongest server, dB; null without a server within the interference cut-off
    private static void DemandSinr(Utf8JsonWriter w, Plan plan, int demand)
    {
        if (plan.Radio is not { } radio)
        {
            return;
        }

        var sinr = radio.DemandSinrDb[demand];
        if (float.IsFinite(sinr))
        {
            w.WriteNumber("sinr_db", Math.Round(sinr, 2));
        }
        else
        {
            w.WriteNull("sinr_db");
        }
    }

    // existing sites the plan removes: their own kind, so that readers of the plan's sites never take them for built ones
    private static void RemovedSites(Utf8JsonWriter w, Plan plan)
    {
        var sites = plan.Scenario.Sites;
        for (var j = 0; j < sites.Count; j++)
        {
            var site = sites[j];
            if (!site.Existing || BrownfieldSummary.Status(plan, j) != "removed")
            {
                continue;
            }

            Feature(w, "removed_site", () => PointGeometry(w, site.Location), () =>
            {
                w.WriteString("id", site.Id);
                w.WriteString("name", site.Name);
                w.WriteNumber("cost", site.Cost);
                w.WriteNumber("height_m", site.Height.Value);
                w.WriteString("status", "removed");
            });
        }
    }
}
