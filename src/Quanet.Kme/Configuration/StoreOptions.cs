namespace Quanet.Kme.Configuration;

/// <summary>Which database holds the KME's pool and pending keys (the <c>Store</c> object of the <c>Kme</c> section).</summary>
public sealed class StoreOptions
{
    /// <summary>
    /// <c>sqlite</c>: the embedded SQLite file at <see cref="KmeOptions.StorePath"/> (WAL, one writer with group
    /// commit); <c>postgresql</c>: a PostgreSQL database given by <see cref="ConnectionString"/>, for operators who
    /// already run PostgreSQL with its backups and replication. One database per KME.
    /// </summary>
    /// <value>Default <c>sqlite</c>.</value>
    public string Kind { get; set; } = "sqlite";

    /// <summary>
    /// Npgsql connection string of the PostgreSQL store, e.g.
    /// <c>Host=127.0.0.1;Port=5432;Database=kme_a;Username=kme;Password=...</c>. Used only when
    /// <see cref="Kind"/> is <c>postgresql</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>One line naming the store for logs, without any password: the SQLite file or PostgreSQL host, port and database.</summary>
    /// <param name="sqlitePath">The SQLite file (<see cref="KmeOptions.StorePath"/>).</param>
    public string Describe(string sqlitePath)
    {
        if (Kind != "postgresql")
        {
            return sqlitePath;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgresql {builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "postgresql (malformed connection string)";
        }
    }
}
