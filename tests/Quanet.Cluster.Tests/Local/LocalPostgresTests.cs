using Npgsql;
using Quanet.Cluster.Local;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Local;

public sealed class LocalPostgresTests
{
    private static readonly PostgresPrograms? Programs = PostgresPrograms.Find(Environment.GetEnvironmentVariable("PATH"), Environment.UserName, out _);

    [PostgresFact]
    public async Task The_cluster_database_keeps_its_data_across_a_stop_and_a_start()
    {
        using var folder = new ClusterFolder();
        var first = await LocalPostgres.StartAsync(Programs!, folder.Path, CancellationToken.None);
        try
        {
            await ExecuteAsync(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await first.StopAsync(CancellationToken.None);
        }

        var second = await LocalPostgres.StartAsync(Programs!, folder.Path, CancellationToken.None);
        try
        {
            await using var connection = new NpgsqlConnection(second.ConnectionString());
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT id FROM kept", connection);

            Assert.Equal(42, await read.ExecuteScalarAsync());
            Assert.Equal(Path.Combine(folder.Path, "postgres", "data"), second.DataFolder);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await second.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Missing_programs_are_named_in_one_line()
    {
        var found = PostgresPrograms.Find("/nonexistent", "someone", out var missing);

        // Debian's /usr/lib/postgresql may still hold them; otherwise the line says what to install
        Assert.True(found is not null || missing!.StartsWith("PostgreSQL server programs (initdb, pg_ctl) not found", StringComparison.Ordinal), missing);
    }

    private static async Task ExecuteAsync(LocalPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fact that needs PostgreSQL's server programs; skipped with the reason when they are missing.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            PostgresPrograms.Find(Environment.GetEnvironmentVariable("PATH"), Environment.UserName, out var missing);
            Skip = missing;
        }
    }
}
