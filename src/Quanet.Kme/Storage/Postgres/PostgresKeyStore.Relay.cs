using Quanet.Kme.Relay;

namespace Quanet.Kme.Storage.Postgres;

internal sealed partial class PostgresKeyStore
{
    // Trusted relay keeps its idempotency records in the SQLite store only so far; the options validation refuses
    // a PostgreSQL store for a KME with NetworkLinks, so these are reached only by a misconfigured caller.
    private const string NoRelay = "trusted relay is implemented for the SQLite store only";

    /// <inheritdoc/>
    public Task<RelayHop?> RelayStepAsync(string self, RelayStep step) =>
        throw new KeyDeliveryException(DeliveryError.Unavailable, NoRelay);

    /// <inheritdoc/>
    public Task<int> AuditIssueAsync(IReadOnlyList<string> keyIds, string master) =>
        throw new KeyDeliveryException(DeliveryError.Unavailable, NoRelay);

    /// <inheritdoc/>
    public Task<int> AddRelayPoolAsync(string master, string slave, int sizeBits, IReadOnlyList<IssuedKey> keys) =>
        throw new KeyDeliveryException(DeliveryError.Unavailable, NoRelay);

    /// <inheritdoc/>
    public Task<IssuedKey[]?> DrawRelayPoolAsync(string master, string slave, int sizeBits, int count, DateTimeOffset notBefore) =>
        Task.FromResult<IssuedKey[]?>(null);

    /// <inheritdoc/>
    public long CountRelayPool(string master, string slave) => 0;

    /// <inheritdoc/>
    public Task<IReadOnlyList<(string Master, string Slave)>> ListRelayPoolPairsAsync() => Task.FromResult<IReadOnlyList<(string, string)>>([]);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RelayAuditEntry>> ListRelaysAsync() => Task.FromResult<IReadOnlyList<RelayAuditEntry>>([]);
}
