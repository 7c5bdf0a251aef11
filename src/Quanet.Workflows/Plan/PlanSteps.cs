using Quanet.Core.Units;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Security.Planning;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>The steps after placement, shared by the plan, backhaul and secure workflows.</summary>
internal static class PlanSteps
{
    /// <summary>Designs the backhaul of <paramref name="sites"/> to <paramref name="pops"/>.</summary>
    public static BackhaulDesign Backhaul(PlanArtifact sites, IReadOnlyList<BackhaulNode> pops, IReadOnlyList<(string A, string B)> existingFibre, BackhaulOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return BackhaulDesigner.Design(sites.BackhaulSites(), pops, existingFibre, options);
    }

    /// <summary>
    /// Decides every link's protection. The links are taken as <c>backhaul.geojson</c> records them (lengths to the
    /// metre), so deciding in memory after the design and deciding later from the written directory agree.
    /// </summary>
    public static SecurityDecisions Secure(IReadOnlyList<BackhaulLink> links, SecurityPolicy policy, CancellationToken cancellationToken)
    {
        var planner = new LinkSecurityPlanner(policy.Link, policy.Protocol, policy.MaxTrustedNodes);
        var decisions = new List<LinkProtection>(links.Count);
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recorded = BackhaulGeoJsonWriter.Recorded(link);
            decisions.Add(new LinkProtection(recorded.From, recorded.To, planner.Decide(new Kilometres(recorded.LengthKm), policy.RequiredRateBitsPerSecond)));
        }

        return new SecurityDecisions(policy, decisions);
    }
}
