using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Quanet.Core;

namespace Quanet.Server.Security;

/// <summary>
/// API keys in the server's SQLite file (<c>DATA/server.db</c>). A key's secret is shown once when it is created and
/// stored only as its SHA-256 hash: a 256-bit random secret needs no slow password hash.
/// </summary>
public sealed class ApiKeyStore
{
    private const string Prefix = "qnk_";

    // a looked-up key is remembered this long, so a burst of requests opens the file once; a key removed through this
    // store is forgotten at once, one removed by another process (`quanet serve keys remove`) within this time
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(2);
    private readonly string _connectionString;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ApiKey Key, long Until)> _recent = new(StringComparer.Ordinal);

    /// <summary>Opens (and creates when missing) the key table in <paramref name="databasePath"/>.</summary>
    public ApiKeyStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS api_keys (
                name TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                hash BLOB NOT NULL UNIQUE,
                created TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Creates key <paramref name="name"/> with <paramref name="role"/> and returns its secret (never stored).</summary>
    /// <exception cref="QuanetException">The name is taken, empty or not printable, or the role is unknown.</exception>
    public string Add(string name, string role, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl))
        {
            throw new QuanetException($"key name '{Quanet.Core.Text.Printable.Escape(name)}' must be 1 to 64 printable characters");
        }

        if (!Roles.IsKnown(role))
        {
            throw new QuanetException($"role '{Quanet.Core.Text.Printable.Escape(role)}' is not one of {string.Join(", ", Roles.Ordered)}");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (name, role, hash, created) VALUES ($name, $role, $hash, $created)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$hash", Hash(secret));
        command.Parameters.AddWithValue("$created", now.ToString("O", CultureInfo.InvariantCulture));
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new QuanetException($"a key named '{name}' exists already");
        }

        return secret;
    }

    /// <summary>The key whose secret is <paramref name="secret"/>, or null.</summary>
    public ApiKey? Find(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = Hash(secret);
        var id = Convert.ToBase64String(hash);
        var now = Environment.TickCount64;
        if (_recent.TryGetValue(id, out var known) && known.Until > now)
        {
            return known.Key;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role FROM api_keys WHERE hash = $hash";
        command.Parameters.AddWithValue("$hash", hash);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            _recent.TryRemove(id, out _);
            return null;
        }

        var key = new ApiKey(reader.GetString(0), reader.GetString(1));
        if (_recent.Count > 10_000)
        {
            _recent.Clear();
        }

        _recent[id] = (key, now + (long)Remember.TotalMilliseconds);
        return key;
    }

    /// <summary>Every key's name and role (never a secret).</summary>
    public IReadOnlyList<ApiKey> List()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role FROM api_keys ORDER BY name";
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKey>();
        while (reader.Read())
        {
            keys.Add(new ApiKey(reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    /// <summary>Deletes key <paramref name="name"/>; false when there was none.</summary>
    public bool Remove(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM api_keys WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        var removed = command.ExecuteNonQuery() > 0;
        foreach (var (id, entry) in _recent)
        {
            if (entry.Key.Name == name)
            {
                _recent.TryRemove(id, out _);
            }
        }

        return removed;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
