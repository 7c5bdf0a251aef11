namespace Quanet.Kme.Relay;

/// <summary>
/// One row of a KME's relay audit trail: keys of a relay passed this KME. Holds IDs, KMEs and pool block indices
/// (which pad was used); never key material.
/// </summary>
/// <param name="At">When this KME's step committed (the store's clock).</param>
/// <param name="RelayId">The relay's ID.</param>
/// <param name="Role"><c>first</c>, <c>transit</c> or <c>last</c>.</param>
/// <param name="KeyIds">The relayed keys' IDs, comma-separated.</param>
/// <param name="Master">The master SAE.</param>
/// <param name="Slaves">The slave SAEs, comma-separated.</param>
/// <param name="Path">The KMEs of the path, joined by '>'.</param>
/// <param name="From">The previous KME, empty at the first.</param>
/// <param name="InBlocks">Pad blocks consumed on the incoming link, comma-separated.</param>
/// <param name="To">The next KME, empty at the last.</param>
/// <param name="OutBlocks">Pad blocks consumed on the outgoing link, comma-separated.</param>
public sealed record RelayAuditEntry(DateTimeOffset At, string RelayId, string Role, string KeyIds, string Master, string Slaves, string Path,
    string From, string InBlocks, string To, string OutBlocks);
