using Npgsql;
using Quanet.Cluster.Silo;
using Quanet.Testing.Postgres;

namespace Quanet.Cluster.Tests.Processing.Support;

/// <summary>One throw-away PostgreSQL server for a test class; a fresh database with the cluster schema per test.</summary>
public sealed class ClusterDatabase : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;

    /// <summary>A new database with the cluster schema applied; its connection string.</summary>
    public async Task<string> CreateAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _server ??= await PostgresServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }

        var connection = await _server.CreateDatabaseAsync();
        await ClusterSchema.ApplyAsync(connection, CancellationToken.None);
        return connection;
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
