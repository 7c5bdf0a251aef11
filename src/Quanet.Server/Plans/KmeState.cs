using Quanet.Kme.Protocol;

namespace Quanet.Server.Plans;

/// <summary>One KME as <c>GET /api/v1/kmes</c> shows it.</summary>
/// <param name="Name">The KME's id.</param>
/// <param name="Address">Its base address, or null when only named.</param>
/// <param name="State"><c>ok</c>, <c>refused</c>, <c>tls failed</c>, <c>unreachable</c>, <c>reachable</c> (TCP only) or <c>not configured</c>.</param>
/// <param name="Status">The KME's ETSI GS QKD 014 status answer when the state is <c>ok</c>.</param>
/// <param name="Reason">Why the state is not <c>ok</c>, when known.</param>
internal sealed record KmeState(string Name, Uri? Address, string State, KeyStatus? Status, string? Reason);
