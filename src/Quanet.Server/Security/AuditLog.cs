using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Quanet.Server.Security;

/// <summary>The audit log of every mutating call, in the server's SQLite file beside the keys (<c>DATA/server.db</c>).</summary>
public sealed class AuditLog
{
    private readonly string _connectionString;

    /// <summary>Opens (and creates when missing) the audit table in <paramref name="databasePath"/>.</summary>
    public AuditLog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                caller TEXT NOT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                status INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Appends one call.</summary>
    public void Append(DateTimeOffset at, string caller, string method, string path, int status)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at, caller, method, path, status) VALUES ($at, $caller, $method, $path, $status)";
        command.Parameters.AddWithValue("$at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$caller", caller);
        command.Parameters.AddWithValue("$method", method);
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$status", status);
        command.ExecuteNonQuery();
    }

    /// <summary>The newest calls first, skipping <paramref name="offset"/> and returning at most <paramref name="limit"/>.</summary>
    public (IReadOnlyList<AuditRecord> Records, long Total) List(int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, caller, method, path, status FROM audit ORDER BY id DESC LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var records = new List<AuditRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                records.Add(new AuditRecord(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            }
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM audit";
        return (records, (long)count.ExecuteScalar()!);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
