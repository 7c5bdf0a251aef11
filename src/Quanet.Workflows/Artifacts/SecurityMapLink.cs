using Quanet.Planning.Geography;
using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>A link of the security map layer as <c>security.geojson</c> records it.</summary>
/// <param name="From">Node id at one end.</param>
/// <param name="To">Node id at the other end.</param>
/// <param name="LengthKm">Fibre length, km.</param>
/// <param name="Mode">The protection.</param>
/// <param name="TrustedNodes">Trusted nodes inserted.</param>
/// <param name="KeyRateBitsPerSecond">Key rate of the chosen QKD option (0 for PQC), bit/s.</param>
/// <param name="Start">Position of <paramref name="From"/>.</param>
/// <param name="End">Position of <paramref name="To"/>.</param>
public sealed record SecurityMapLink(string From, string To, double LengthKm, LinkSecurityMode Mode, int TrustedNodes, double KeyRateBitsPerSecond, GeoPoint Start, GeoPoint End);
