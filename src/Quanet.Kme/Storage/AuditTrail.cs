using Microsoft.Data.Sqlite;
using Quanet.Kme.Relay;

namespace Quanet.Kme.Storage;

/// <summary>
/// Reads a KME's audit trail from its SQLite store file (read-only, no store key needed: the audit tables hold
/// no key material), also while the KME runs: table <c>audit</c> (key releases to SAEs) and <c>relay_audit</c>
/// (relay steps with their KMEs and pad block indices).
/// </summary>
public static class AuditTrail
{
    /// <summary>Key releases, oldest first.</summary>
    /// <param name="storePath">The KME's SQLite store file.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Task<IReadOnlyList<KeyDelivery>> ReadDeliveriesAsync(string storePath) => DeliveriesAsync(ReadOnly(storePath));

    /// <summary>Relay steps taken at the KME, oldest first (empty for a store that predates relay).</summary>
    /// <param name="storePath">The KME's SQLite store file.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Task<IReadOnlyList<RelayAuditEntry>> ReadRelaysAsync(string storePath) => RelaysAsync(ReadOnly(storePath));

    internal static async Task<IReadOnlyList<KeyDelivery>> DeliveriesAsync(string connectionString)
    {
        var rows = new List<KeyDelivery>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, sae, key_id, call FROM audit ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new KeyDelivery(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), KeyDelivery.Parse(reader.GetString(3))));
        }

        return rows;
    }

    internal static async Task<IReadOnlyList<RelayAuditEntry>> RelaysAsync(string connectionString)
    {
        var rows = new List<RelayAuditEntry>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'relay_audit'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return rows;
        }

        command.CommandText = "SELECT at, relay_id, role, key_ids, master, slaves, path, from_kme, in_blocks, to_kme, out_blocks FROM relay_audit ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new RelayAuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10)));
        }

        return rows;
    }

    private static string ReadOnly(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        return File.Exists(storePath)
            ? new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()
            : throw new FileNotFoundException($"KME store not found: {storePath}", storePath);
    }
}
