using Quanet.Planning.Backhaul;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// What a plan directory's <c>plan.geojson</c> holds for other tools: the chosen sites and the demand points. The
/// same object comes from <see cref="PlanGeoJsonReader.Read"/> on the written file and from <see cref="From"/> on the
/// plan in memory, so a step that follows the placement gives the same answer either way.
/// </summary>
/// <param name="Sites">The chosen sites, in the plan's order.</param>
/// <param name="Demand">The demand points, with whether the plan covers them.</param>
public sealed record PlanArtifact(IReadOnlyList<PlanSite> Sites, IReadOnlyList<PlanDemand> Demand)
{
    /// <summary>The artifact of <paramref name="plan"/>, positions rounded as the file records them (1e-6 degrees).</summary>
    public static PlanArtifact From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var s = plan.Scenario;
        var sites = new List<PlanSite>(plan.Result.Sites.Length);
        foreach (var j in plan.Result.Sites)
        {
            var site = s.Sites[j];
            sites.Add(new PlanSite(site.Id, site.Name, PlanGeoJsonWriter.Recorded(site.Location), plan.SitePopulation[j], Math.Round(s.SiteRadius[j], 1), site.Cost, site.Height.Value, site.Flag));
        }

        var demand = new List<PlanDemand>(s.Demand.Count);
        for (var d = 0; d < s.Demand.Count; d++)
        {
            var point = s.Demand[d];
            demand.Add(new PlanDemand(point with { Location = PlanGeoJsonWriter.Recorded(point.Location) }, plan.ServingSite[d] >= 0));
        }

        return new PlanArtifact(sites, demand);
    }

    /// <summary>The sites as the nodes the backhaul designer connects.</summary>
    public IReadOnlyList<BackhaulNode> BackhaulSites() => [.. Sites.Select(s => new BackhaulNode(s.Id, s.Location.Latitude, s.Location.Longitude))];
}
