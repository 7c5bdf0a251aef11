using Quanet.Cluster.Silo;
using Quanet.Cluster.Tests.Processing.Support;

namespace Quanet.Cluster.Tests.Silo;

public sealed class ClusterSchemaTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    [Fact]
    public void Orleans_scripts_carry_their_licence_and_source()
    {
        foreach (var script in ClusterSchema.Scripts.Where(s => s.StartsWith("PostgreSQL", StringComparison.Ordinal)))
        {
            var text = ClusterSchema.Read(script);
            Assert.Contains("https://github.com/dotnet/orleans/blob/", text, StringComparison.Ordinal);
            Assert.Contains("MIT License", text, StringComparison.Ordinal);
        }
    }

    [PostgresClusterFact]
    public async Task Schema_is_applied_once_and_a_second_time_changes_nothing()
    {
        var connection = await database.CreateAsync();

        var again = await ClusterSchema.ApplyAsync(connection, CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(ClusterSchema.Scripts.Length, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_schema"));
        Assert.True(await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM OrleansQuery") > 10);
    }
}
