using Microsoft.Data.Sqlite;

namespace Quanet.Kme.Storage;

/// <summary>
/// The KME's embedded store (SQLite in WAL mode, <c>synchronous=FULL</c>): the key pool shared with each
/// peer, and the keys handed out but not yet fetched by every party. Key material is sealed with
/// AES-256-GCM at rest. All writes go through one group-committing writer thread.
/// </summary>
internal sealed partial class SqliteKeyStore : IKeyStore
{
    private const int BlockBytes = PoolBlocks.BlockBytes;
    private readonly SqliteConnection _connection;
    private readonly string _readConnectionString;
    private readonly AtRestCipher _cipher;
    private readonly TimeProvider _time;
    private readonly StoreWriter _writer;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly CountCache _counts;

    /// <param name="path">The database file (created with its folder if missing).</param>
    /// <param name="storeKey">The 32-byte at-rest key.</param>
    /// <param name="fsyncEveryCommit"><c>synchronous=FULL</c> when true, <c>NORMAL</c> otherwise.</param>
    /// <param name="time">Clock stamped on recorded keys, for <see cref="ExpireAsync"/>; the system clock when null.</param>
    public SqliteKeyStore(string path, ReadOnlySpan<byte> storeKey, bool fsyncEveryCommit = true, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _cipher = new AtRestCipher(storeKey);
        _time = time ?? TimeProvider.System;
        _counts = new CountCache(_time);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute(fsyncEveryCommit ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA busy_timeout=5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS pool(
              link TEXT NOT NULL, idx INTEGER NOT NULL, owner TEXT NOT NULL, ready INTEGER NOT NULL, material BLOB NOT NULL,
              PRIMARY KEY(link, idx)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS pool_take ON pool(link, owner, ready, idx);
            CREATE TABLE IF NOT EXISTS link_state(link TEXT PRIMARY KEY, next_idx INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS keys(
              key_id TEXT PRIMARY KEY, link TEXT NOT NULL, master TEXT NOT NULL, slaves TEXT NOT NULL, size_bits INTEGER NOT NULL,
              pending TEXT NOT NULL, syncing INTEGER NOT NULL, material BLOB NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS audit(at INTEGER NOT NULL, sae TEXT NOT NULL, key_id TEXT NOT NULL, call TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS relay(relay_id TEXT PRIMARY KEY, from_kme TEXT NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS relay_hop(
              relay_id TEXT NOT NULL, next_kme TEXT NOT NULL, link TEXT NOT NULL, blocks TEXT NOT NULL, ciphertext BLOB NOT NULL, created INTEGER NOT NULL,
              PRIMARY KEY(relay_id, next_kme)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS relay_audit(
              at INTEGER NOT NULL, relay_id TEXT NOT NULL, role TEXT NOT NULL, key_ids TEXT NOT NULL, master TEXT NOT NULL, slaves TEXT NOT NULL,
              path TEXT NOT NULL, from_kme TEXT NOT NULL, in_blocks TEXT NOT NULL, to_kme TEXT NOT NULL, out_blocks TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS relay_pool(
              key_id TEXT PRIMARY KEY, master TEXT NOT NULL, slave TEXT NOT NULL, size_bits INTEGER NOT NULL, material BLOB NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS relay_pool_draw ON relay_pool(master, slave, size_bits, created);
            """);
        MigrateCreatedColumn();
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        _writer = new StoreWriter(_connection);
    }

    /// <inheritdoc/>
    public long CountKeys() => Scalar("SELECT COUNT(*) FROM keys", null, null);

    /// <inheritdoc/>
    public long CountBlocks(string link, string owner) =>
        _counts.GetOrCount(link, owner, this, static (store, l, o) => store.Scalar("SELECT COUNT(*) FROM pool WHERE link = $a AND owner = $b AND ready = 1", l, o));

    /// <inheritdoc/>
    public long CountAllBlocks(string link) => Scalar("SELECT COUNT(*) FROM pool WHERE link = $a", link, null);

    /// <inheritdoc/>
    public Task<IReadOnlyList<KeyDelivery>> ListDeliveriesAsync() => AuditTrail.DeliveriesAsync(_readConnectionString);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Relay.RelayAuditEntry>> ListRelaysAsync() => AuditTrail.RelaysAsync(_readConnectionString);

    public void Dispose()
    {
        _writer.Dispose();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
        _cipher.Dispose();
    }

    private long Scalar(string sql, string? a, string? b)
    {
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (a is not null)
        {
            command.Parameters.AddWithValue("$a", a);
        }

        if (b is not null)
        {
            command.Parameters.AddWithValue("$b", b);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A cached prepared command bound to the writer's current transaction (writer thread only).</summary>
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _writer.Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// Stores made before key expiry existed lack <c>keys.created</c>: add it, stamping the keys already there
    /// with the time of the upgrade so that they get a full lifetime rather than vanishing at once.
    /// </summary>
    private void MigrateCreatedColumn()
    {
        using var probe = _connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('keys') WHERE name = 'created'";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var alter = _connection.CreateCommand();
        alter.CommandText = "ALTER TABLE keys ADD COLUMN created INTEGER NOT NULL DEFAULT 0; UPDATE keys SET created = $now;";
        alter.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        alter.ExecuteNonQuery();
    }

    private static string PoolAad(string link, long index) => $"pool|{link}|{index}";

    private static string KeyAad(string keyId) => $"key|{keyId}";

    private static string Join(IEnumerable<string> ids) => string.Join(',', ids);

    private static string[] Split(string ids) => ids.Length == 0 ? [] : ids.Split(',');
}
