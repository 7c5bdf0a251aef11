using Quanet.Planning.Geography;

namespace Quanet.Workflows.Artifacts;

/// <summary>A trusted node of the security map layer.</summary>
/// <param name="Link">The link it splits, "FROM-TO".</param>
/// <param name="Index">1-based index along the link.</param>
/// <param name="Position">Where it stands.</param>
public sealed record TrustedNodeSite(string Link, int Index, GeoPoint Position);
