using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Quanet.Core;

namespace Quanet.Kme.Storage.Postgres;

/// <summary>
/// The KME store in PostgreSQL, for operators who run a database server anyway (backups, replication,
/// monitoring). Same guarantees as <see cref="SqliteKeyStore"/>: every operation is one transaction that has
/// committed (with <c>synchronous_commit=on</c>: flushed to the server's WAL) before its task completes;
/// key requests are cut with group commit (the requests queued during one commit share the next) and take
/// pool blocks with <c>FOR UPDATE SKIP LOCKED</c>; a slave's fetch
/// locks the key's row so that two fetches of the same key serialise and the second finds it gone; key
/// material is sealed with AES-256-GCM before it reaches the server, which never sees a key in clear.
/// One database per KME (tables <c>kme_pool</c>, <c>kme_link_state</c>, <c>kme_keys</c>, the audit trail
/// <c>kme_audit</c>, and for trusted relay <c>kme_relay</c>, <c>kme_relay_hop</c>, <c>kme_relay_audit</c> and the
/// pre-relayed pool <c>kme_relay_pool</c>); several processes of that KME may share it.
/// </summary>
internal sealed partial class PostgresKeyStore : IKeyStore
{
    private const int BlockBytes = PoolBlocks.BlockBytes;
    private const int Attempts = 5;

    // Schema creation runs under this advisory lock, so two KMEs starting at once on a fresh database do not race.
    private const long SchemaLock = 0x4b4d45_53434845; // "KME" "SCHE"

    private readonly NpgsqlDataSource _source;
    private readonly AtRestCipher _cipher;
    private readonly Lock _cipherLock = new();
    private readonly TimeProvider _time;
    private readonly CountCache _counts;

    private PostgresKeyStore(NpgsqlDataSource source, ReadOnlySpan<byte> storeKey, TimeProvider time)
    {
        _source = source;
        _cipher = new AtRestCipher(storeKey);
        _time = time;
        _counts = new CountCache(time);
        StartIssuer();
    }

    /// <summary>Connects, creates the tables if missing, and returns the store.</summary>
    /// <param name="connectionString">Npgsql connection string.</param>
    /// <param name="storeKey">The 32-byte at-rest key.</param>
    /// <param name="synchronousCommit">False sets <c>synchronous_commit=off</c> for this KME's sessions.</param>
    /// <param name="time">Clock stamped on recorded keys.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <exception cref="QuanetException">Malformed connection string or unreachable server.</exception>
    public static async Task<PostgresKeyStore> OpenAsync(string connectionString, byte[] storeKey, bool synchronousCommit, TimeProvider time, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new QuanetException($"Store.ConnectionString: {ex.Message}");
        }

        builder.Options = (builder.Options + (synchronousCommit ? " -c synchronous_commit=on" : " -c synchronous_commit=off")).Trim();

        // The store's few statements run thousands of times: keep them prepared on each pooled connection, and
        // skip the DISCARD ALL on return to the pool (the store never changes session state) that would drop them.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        builder.NoResetOnClose = true;
        var source = NpgsqlDataSource.Create(builder);
        var store = new PostgresKeyStore(source, storeKey, time);
        try
        {
            await store.CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            store.Dispose();
            throw new QuanetException($"PostgreSQL store {builder.Host}:{builder.Port}/{builder.Database}: {ex.Message}");
        }

        return store;
    }

    /// <inheritdoc/>
    public long CountKeys() => Scalar("SELECT COUNT(*) FROM kme_keys", null, null);

    /// <inheritdoc/>
    public long CountBlocks(string link, string owner) =>
        _counts.GetOrCount(link, owner, this, static (store, l, o) => store.Scalar("SELECT COUNT(*) FROM kme_pool WHERE link = $1 AND owner = $2 AND ready", l, o));

    /// <inheritdoc/>
    public long CountAllBlocks(string link) => Scalar("SELECT COUNT(*) FROM kme_pool WHERE link = $1", link, null);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KeyDelivery>> ListDeliveriesAsync()
    {
        var rows = new List<KeyDelivery>();
        await using var command = _source.CreateCommand("SELECT at, sae, key_id, call FROM kme_audit ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new KeyDelivery(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), KeyDelivery.Parse(reader.GetString(3))));
        }

        return rows;
    }

    public void Dispose()
    {
        StopIssuer();
        _source.Dispose();
        _cipher.Dispose();
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(@lock);
            CREATE TABLE IF NOT EXISTS kme_pool(
              link text NOT NULL, idx bigint NOT NULL, owner text NOT NULL, ready boolean NOT NULL, material bytea NOT NULL,
              PRIMARY KEY(link, idx));
            CREATE INDEX IF NOT EXISTS kme_pool_take ON kme_pool(link, owner, ready, idx);
            CREATE TABLE IF NOT EXISTS kme_link_state(link text PRIMARY KEY, next_idx bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS kme_keys(
              key_id text PRIMARY KEY, link text NOT NULL, master text NOT NULL, slaves text NOT NULL, size_bits integer NOT NULL,
              pending text NOT NULL, syncing boolean NOT NULL, material bytea NOT NULL, created timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS kme_keys_created ON kme_keys(created);
            CREATE TABLE IF NOT EXISTS kme_audit(
              id bigserial PRIMARY KEY, at timestamptz NOT NULL, sae text NOT NULL, key_id text NOT NULL, call text NOT NULL);
            CREATE TABLE IF NOT EXISTS kme_relay(relay_id text PRIMARY KEY, from_kme text NOT NULL, created timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS kme_relay_hop(
              relay_id text NOT NULL, next_kme text NOT NULL, link text NOT NULL, blocks bigint[] NOT NULL, ciphertext bytea NOT NULL,
              created timestamptz NOT NULL, PRIMARY KEY(relay_id, next_kme));
            CREATE TABLE IF NOT EXISTS kme_relay_audit(
              id bigserial PRIMARY KEY, at timestamptz NOT NULL, relay_id text NOT NULL, role text NOT NULL, key_ids text NOT NULL,
              master text NOT NULL, slaves text NOT NULL, path text NOT NULL, from_kme text NOT NULL, in_blocks text NOT NULL,
              to_kme text NOT NULL, out_blocks text NOT NULL);
            CREATE TABLE IF NOT EXISTS kme_relay_pool(
              key_id text PRIMARY KEY, master text NOT NULL, slave text NOT NULL, size_bits integer NOT NULL, material bytea NOT NULL,
              created timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS kme_relay_pool_draw ON kme_relay_pool(master, slave, size_bits, created);
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("lock", SchemaLock);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one read-committed transaction and commits it. A transaction the server
    /// aborted to break a deadlock or a serialisation conflict is retried from the start; any other failure,
    /// including a <see cref="KeyDeliveryException"/> thrown by <paramref name="work"/>, rolls it back.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            try
            {
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
                return result;
            }
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Rolled back by disposal; go again.
            }
        }
    }

    /// <summary>Writes the audit rows of releases to <paramref name="saes"/> (parallel to <paramref name="keyIds"/>) in the transaction.</summary>
    private async Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> keyIds, List<string> saes, KeyDeliveryCall call)
    {
        if (keyIds.Count == 0)
        {
            return;
        }

        await using var insert = Command(
            "INSERT INTO kme_audit(at, sae, key_id, call) SELECT $1, s, k, $4 FROM unnest($2::text[], $3::text[]) AS t(s, k)",
            connection,
            transaction,
            _time.GetUtcNow(),
            saes.ToArray(),
            keyIds.ToArray(),
            KeyDelivery.Name(call));
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private long Scalar(string sql, string? a, string? b)
    {
        using var command = _source.CreateCommand(sql);
        if (a is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = a });
        }

        if (b is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = b });
        }

        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <remarks>A single array argument must be cast to <see cref="object"/>, or C# passes it as the whole params array.</remarks>
    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                byte[][] blobs => new NpgsqlParameter { Value = blobs, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }

    private byte[] Seal(ReadOnlySpan<byte> plaintext, string associated)
    {
        lock (_cipherLock)
        {
            return _cipher.Seal(plaintext, associated);
        }
    }

    private byte[] Open(ReadOnlySpan<byte> record, string associated)
    {
        lock (_cipherLock)
        {
            return _cipher.Open(record, associated);
        }
    }

    private static string PoolAad(string link, long index) => $"pool|{link}|{index}";

    private static string KeyAad(string keyId) => $"key|{keyId}";

    private static string Join(IEnumerable<string> ids) => string.Join(',', ids);

    private static string[] Split(string ids) => ids.Length == 0 ? [] : ids.Split(',');
}
