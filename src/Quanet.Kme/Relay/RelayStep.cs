namespace Quanet.Kme.Relay;

/// <summary>
/// One KME's part of a relay, for the store: where the keys came from (nothing at the first KME), and where
/// they go next (nothing at the last).
/// </summary>
/// <param name="RelayId">The relay's ID.</param>
/// <param name="Path">The KMEs of the path, first to last.</param>
/// <param name="Master">The master SAE.</param>
/// <param name="Slaves">The slave SAEs (all attached to the last KME).</param>
/// <param name="SizeBits">Size of each key.</param>
/// <param name="KeyIds">The keys' IDs.</param>
/// <param name="From">The previous KME, or null at the first.</param>
/// <param name="InBlocks">The pad blocks of the incoming link (owned by <paramref name="From"/>).</param>
/// <param name="Incoming">The keys as the first KME drew them (at the first KME), or their ciphertext on the incoming link.</param>
/// <param name="To">The next KME, or null at the last.</param>
internal sealed record RelayStep(string RelayId, IReadOnlyList<string> Path, string Master, IReadOnlyList<string> Slaves, int SizeBits,
    IReadOnlyList<string> KeyIds, string? From, IReadOnlyList<long> InBlocks, byte[] Incoming, string? To);
