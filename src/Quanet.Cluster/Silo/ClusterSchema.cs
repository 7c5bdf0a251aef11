using Npgsql;

namespace Quanet.Cluster.Silo;

/// <summary>
/// The PostgreSQL schema of an operations cluster: Orleans' own scripts for PostgreSQL (main, clustering,
/// persistence, reminders; copied from dotnet/orleans, MIT, source in each script's header) and Quanet's tables.
/// Each script runs once per database, recorded in <c>quanet_schema</c>, under an advisory lock so that silos
/// starting together apply it once.
/// </summary>
public static class ClusterSchema
{
    /// <summary>The scripts in the order they are applied.</summary>
    internal static readonly string[] Scripts =
    [
        "PostgreSQL-Main",
        "PostgreSQL-Clustering",
        "PostgreSQL-Persistence",
        "PostgreSQL-Reminders",
        "Quanet-Operations",
    ];

    // any fixed number: the key of the advisory lock serialising schema changes
    private const long SchemaLock = 0x5155414e45540001;

    /// <summary>Applies the scripts the database at <paramref name="connectionString"/> has not had yet.</summary>
    /// <returns>The names of the scripts applied now (empty when the schema was complete).</returns>
    /// <exception cref="NpgsqlException">The database cannot be reached or refuses a script.</exception>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS quanet_schema (script text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken);
        var done = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT script FROM quanet_schema", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                done.Add(reader.GetString(0));
            }
        }

        var applied = new List<string>();
        foreach (var script in Scripts)
        {
            if (done.Contains(script))
            {
                continue;
            }

            await ExecuteAsync(connection, Read(script), cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO quanet_schema (script) VALUES (@script)", connection);
            record.Parameters.AddWithValue("script", script);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(script);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The text of embedded script <paramref name="name"/>.</summary>
    internal static string Read(string name)
    {
        using var stream = typeof(ClusterSchema).Assembly.GetManifestResourceStream($"schema.{name}.sql")
            ?? throw new InvalidOperationException($"schema script {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
