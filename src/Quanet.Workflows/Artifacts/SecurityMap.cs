namespace Quanet.Workflows.Artifacts;

/// <summary>What a plan directory's <c>security.geojson</c> holds.</summary>
/// <param name="Links">The links with their protection.</param>
/// <param name="TrustedNodes">The trusted nodes along them.</param>
public sealed record SecurityMap(IReadOnlyList<SecurityMapLink> Links, IReadOnlyList<TrustedNodeSite> TrustedNodes);
