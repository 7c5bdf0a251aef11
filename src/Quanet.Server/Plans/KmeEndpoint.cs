namespace Quanet.Server.Plans;

/// <summary>A key management entity configured for the server, shown read-only by <c>GET /api/v1/kmes</c>.</summary>
/// <param name="Name">The KME's id (e.g. <c>KME_A</c>).</param>
/// <param name="Address">Its ETSI GS QKD 014 base address, or null when only named.</param>
/// <param name="Credentials">
/// How the server asks the KME for its key-pool status as an SAE (ETSI GS QKD 014 Get status); null: the
/// server only checks that the address accepts connections.
/// </param>
public sealed record KmeEndpoint(string Name, Uri? Address, KmeCredentials? Credentials = null);
