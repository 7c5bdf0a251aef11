namespace Quanet.Kme.Peering;

/// <summary>The authenticated channel to the peer KME (mutual TLS in production, in-process in unit tests).</summary>
internal interface IPeerKme
{
    /// <summary>The peer's KME ID.</summary>
    string KmeId { get; }

    /// <summary>Announces keys cut from the shared pool; returns after the peer stored them durably.</summary>
    Task PushKeysAsync(PeerKeyBatch batch, CancellationToken cancellationToken);

    /// <summary>Hands simulated-QKD pool blocks to the peer; returns after the peer stored them durably.</summary>
    Task PushPoolAsync(PoolBatch batch, CancellationToken cancellationToken);

    /// <summary>Runs the responder side of a hybrid PQC agreement at the peer.</summary>
    Task<HandshakeReply> HandshakeAsync(HandshakeInit init, CancellationToken cancellationToken);

    /// <summary>Tells the peer that blocks agreed with <see cref="HandshakeAsync"/> are stored here too.</summary>
    Task ConfirmAsync(PoolBatch range, CancellationToken cancellationToken);
}
