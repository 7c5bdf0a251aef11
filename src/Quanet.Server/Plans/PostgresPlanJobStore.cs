using System.Data.Common;
using Npgsql;

namespace Quanet.Server.Plans;

/// <summary>The job store in PostgreSQL (<see cref="PlanServerOptions.JobStoreConnectionString"/>), for servers that share one database.</summary>
internal sealed class PostgresPlanJobStore : SqlPlanJobStore
{
    private readonly NpgsqlDataSource _source;

    private PostgresPlanJobStore(NpgsqlDataSource source) => _source = source;

    public override bool SharedBetweenServers => true;

    /// <summary>Connects and creates the table when missing.</summary>
    /// <exception cref="Quanet.Core.QuanetException">The connection string is malformed or the server cannot be reached.</exception>
    public static async Task<PostgresPlanJobStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlDataSource source;
        try
        {
            source = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new Quanet.Core.QuanetException($"the job store connection string is not valid: {ex.Message}");
        }

        var store = new PostgresPlanJobStore(source);
        try
        {
            await store.CreateSchemaAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            store.Dispose();
            throw new Quanet.Core.QuanetException($"cannot open the PostgreSQL job store: {ex.Message}");
        }

        return store;
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public override void Dispose() => _source.Dispose();
}
