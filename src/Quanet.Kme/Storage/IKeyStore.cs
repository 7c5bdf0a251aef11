using Quanet.Kme.Peering;
using Quanet.Kme.Relay;

namespace Quanet.Kme.Storage;

/// <summary>
/// The KME's durable state: the key pool shared with each peer, and the keys handed out but not yet fetched by
/// every party. Every implementation keeps key material sealed at rest (<see cref="AtRestCipher"/>), makes
/// each operation one atomic, durable transaction that has committed before its task completes, releases a
/// key to each party at most once, deletes it once no party is pending, and survives a crash of the KME
/// process at any point with no key lost and none handed out twice.
/// </summary>
internal interface IKeyStore : IDisposable
{
    /// <summary>Keys handed out and still waiting for at least one party.</summary>
    long CountKeys();

    /// <summary>Ready pool blocks of <paramref name="link"/> that <paramref name="owner"/> may consume (may be up to 100 ms old).</summary>
    long CountBlocks(string link, string owner);

    /// <summary>All pool blocks of <paramref name="link"/>, any owner, ready or not.</summary>
    long CountAllBlocks(string link);

    /// <summary>
    /// Appends <paramref name="material"/> (whole blocks) to the pool of <paramref name="link"/> at the link's next
    /// indices, which are never reused; returns the first index. <paramref name="ready"/> false keeps the blocks
    /// unusable until <see cref="MarkReadyAsync"/> (after the peer KME confirmed it holds them too).
    /// </summary>
    Task<long> AppendBlocksAsync(string link, Func<long, string> ownerOf, byte[] material, bool ready);

    /// <summary>Reserves <paramref name="count"/> fresh indices of <paramref name="link"/>; returns the first.</summary>
    Task<long> ReserveIndicesAsync(string link, int count);

    /// <summary>
    /// Stores blocks at the given indices (idempotent). <paramref name="requireFresh"/> refuses indices at or
    /// below ones this KME already knows (a replayed agreement).
    /// </summary>
    Task<bool> InsertPeerBlocksAsync(string link, long first, byte[] material, Func<long, string> ownerOf, bool ready = true, bool requireFresh = false);

    /// <summary>Makes blocks <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 usable.</summary>
    Task<int> MarkReadyAsync(string link, long first, int count);

    /// <summary>Blocks written but never confirmed by the peer (a crash between write and push): index and plaintext.</summary>
    Task<List<(long Index, byte[] Material)>> ListUnreadyAsync(string link);

    /// <summary>
    /// Cuts <see cref="IssueRequest.Count"/> keys from the owner's ready pool blocks and records them for the slaves
    /// attached here, in one durable transaction. The master is counted as served in that same transaction
    /// (at-most-once delivery), and its audit row written.
    /// </summary>
    /// <exception cref="KeyDeliveryException">Not enough key in the pool (<see cref="DeliveryError.Unavailable"/>).</exception>
    Task<IssuedKey[]> IssueAsync(IssueRequest request);

    /// <summary>The peer KME acknowledged the keys: they become fetchable by the local slaves.</summary>
    Task<int> FinishSyncAsync(IReadOnlyList<string> keyIds);

    /// <summary>The peer KME could not take the keys: forget them (their pool blocks stay consumed, never reused).</summary>
    Task<int> AbortSyncAsync(IReadOnlyList<string> keyIds);

    /// <summary>After a restart: keys whose peer announcement was interrupted were never given to their master; drop them.</summary>
    Task<int> RecoverInterruptedAsync();

    /// <summary>
    /// Records keys the peer KME cut from blocks it owns: rebuilds each key from this KME's copy of the blocks,
    /// consumes them and keeps the key for the slaves attached here. Idempotent per key ID.
    /// </summary>
    Task<int> ApplyPeerKeysAsync(string link, string sender, IReadOnlyList<PeerKey> keys, Func<string, bool> isLocalSae);

    /// <summary>
    /// Hands keys to a slave SAE: all or none. Each key must have been created by <paramref name="master"/> with
    /// <paramref name="requester"/> among its slaves; the requester is then struck from the key's pending parties
    /// and the key is deleted once no party is pending.
    /// </summary>
    /// <exception cref="KeyDeliveryException">
    /// Unknown, expired or already fetched key, or a key the requester does not own: all answered alike
    /// (<see cref="KeyDeliveryException.NotFound"/>), so that an SAE learns nothing about other SAEs' keys.
    /// </exception>
    Task<IssuedKey[]> DeliverAsync(IReadOnlyList<string> keyIds, string requester, string master);

    /// <summary>
    /// The audit trail, oldest first: one row per key released to an SAE (the master in the transaction of
    /// <see cref="IssueAsync"/>, each slave in that of <see cref="DeliverAsync"/>), written in the same transaction
    /// as the release. Rows hold who, which key ID, when and through which call; never key material. A key whose
    /// hand-over to the peer KME fails after the cut keeps its enc_keys row (its blocks are spent; the master got 503).
    /// </summary>
    Task<IReadOnlyList<KeyDelivery>> ListDeliveriesAsync();

    /// <summary>
    /// One KME's step of a trusted relay, in one durable transaction. At the first KME (<see cref="RelayStep.From"/>
    /// null): pads the keys with fresh blocks of the link to <see cref="RelayStep.To"/> and records the hop, or returns
    /// the hop recorded by an earlier try (same ciphertext, no new pad). Further on: unpads the keys with the incoming
    /// link's blocks (consumed), records the relay ID, and either keeps the keys for the slaves (last KME; returns null)
    /// or pads them for the next link and records that hop. A relay ID seen before consumes nothing and returns the
    /// recorded hop (or null at the last KME), so a retried hop is idempotent.
    /// </summary>
    /// <param name="self">This KME's ID (the owner of the outgoing pad's blocks).</param>
    /// <param name="step">The relay and this KME's place in it.</param>
    /// <exception cref="KeyDeliveryException">Not enough key on the outgoing link (Unavailable); pad blocks this KME does not hold (BadRequest).</exception>
    Task<RelayHop?> RelayStepAsync(string self, RelayStep step);

    /// <summary>Writes the enc_keys audit rows of relayed keys handed to their master (the first KME keeps no copy of them).</summary>
    Task<int> AuditIssueAsync(IReadOnlyList<string> keyIds, string master);

    /// <summary>
    /// Keeps keys relayed ahead to the KME of <paramref name="slave"/> (where they already wait for it, bound to
    /// <paramref name="master"/>) in this KME's pre-relayed pool, sealed at rest, until <see cref="DrawRelayPoolAsync"/>.
    /// </summary>
    Task<int> AddRelayPoolAsync(string master, string slave, int sizeBits, IReadOnlyList<IssuedKey> keys);

    /// <summary>
    /// Hands <paramref name="count"/> pre-relayed keys of the pair to <paramref name="master"/>, oldest first, in one
    /// durable transaction that deletes them from the pool and writes their enc_keys audit rows (each key leaves the
    /// pool once); keys stored before <paramref name="notBefore"/> are not taken. Null, taking nothing, if fewer are there.
    /// </summary>
    Task<IssuedKey[]?> DrawRelayPoolAsync(string master, string slave, int sizeBits, int count, DateTimeOffset notBefore);

    /// <summary>Keys in the pre-relayed pool of the pair (any age).</summary>
    long CountRelayPool(string master, string slave);

    /// <summary>The (master, slave) pairs with keys in the pre-relayed pool, so that their filling resumes after a restart.</summary>
    Task<IReadOnlyList<(string Master, string Slave)>> ListRelayPoolPairsAsync();

    /// <summary>The relay audit trail, oldest first: one row per relay step taken here (IDs, KMEs, pad block indices; never key material).</summary>
    Task<IReadOnlyList<RelayAuditEntry>> ListRelaysAsync();

    /// <summary>Deletes keys recorded before <paramref name="cutoff"/> that some slave never fetched; returns how many.</summary>
    Task<int> ExpireAsync(DateTimeOffset cutoff);
}
