using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Quanet.Server.Plans;

/// <summary>The default job store: the SQLite file <c>DATA/jobs.db</c> (write-ahead log, one connection per call).</summary>
internal sealed class SqlitePlanJobStore : SqlPlanJobStore
{
    private readonly string _connectionString;

    private SqlitePlanJobStore(string path) =>
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();

    public override bool SharedBetweenServers => false;

    /// <summary>The path of the job store in <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "jobs.db");

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>.</summary>
    public static async Task<SqlitePlanJobStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var store = new SqlitePlanJobStore(path);
        await using (var connection = await store.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await store.CreateSchemaAsync(cancellationToken);
        return store;
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override void Dispose() => SqliteConnection.ClearAllPools();
}
