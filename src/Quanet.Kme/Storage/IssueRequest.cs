namespace Quanet.Kme.Storage;

/// <summary>What <see cref="IKeyStore.IssueAsync"/> needs to cut keys for a master SAE.</summary>
/// <param name="Link">The pool to draw from.</param>
/// <param name="Owner">The KME allowed to consume the blocks (this KME).</param>
/// <param name="Count">Number of keys.</param>
/// <param name="SizeBits">Key size in bits, a multiple of 8.</param>
/// <param name="Master">The master SAE (receives the keys now).</param>
/// <param name="Slaves">All slave SAEs.</param>
/// <param name="LocalPending">The slaves attached to this KME, which will fetch the keys here with dec_keys.</param>
/// <param name="Syncing">True when the keys still have to be announced to the peer KME before the master may use them.</param>
internal sealed record IssueRequest(string Link, string Owner, int Count, int SizeBits, string Master, IReadOnlyList<string> Slaves, IReadOnlyList<string> LocalPending, bool Syncing);
