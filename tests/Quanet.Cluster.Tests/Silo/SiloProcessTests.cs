using Quanet.Cluster.Processing;
using Quanet.Cluster.Silo;
using Quanet.Cluster.Tests.Processing;
using Quanet.Cluster.Tests.Processing.Support;
using Quanet.Operations.Inventory;
using Quanet.Testing.Postgres;

namespace Quanet.Cluster.Tests.Silo;

public sealed class SiloProcessTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    [PostgresClusterFact]
    public async Task Region_grain_survives_kill_9_of_its_silo_process_and_continues_on_the_other_with_the_same_state()
    {
        var storm = await Storm.SimulateAsync(seed: 3);
        var (region, events) = storm.Regions.MaxBy(r => r.Value.Count);
        var connection = await database.CreateAsync();
        var inventory = Path.Combine(Path.GetTempPath(), $"quanet-inventory-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(inventory, InventoryJson.Write(storm.Inventory));
        try
        {
            using var first = await SiloProcess.StartAsync(connection, inventory, HostPrograms.FreePort(), HostPrograms.FreePort());
            using var second = await SiloProcess.StartAsync(connection, inventory, HostPrograms.FreePort(), HostPrograms.FreePort());
            using var client = ClusterClient.Build(connection);
            await client.StartAsync();
            var grains = ClusterClient.Grains(client);
            var half = events.Count / 2;
            await Storm.ApplyAsync(grains.GetGrain<IRegionGrain>(region), events.Take(half), 50);
            var before = await grains.GetGrain<IRegionGrain>(region).StatusAsync();
            var dying = before.Silo.Contains($":{first.SiloPort}:", StringComparison.Ordinal) ? first : second;

            dying.KillHard();
            var after = await RegionGrainTests.RetryAsync(() => grains.GetGrain<IRegionGrain>(region).StatusAsync());
            var last = await RegionGrainTests.RetryAsync(() => grains.GetGrain<IRegionGrain>(region).ApplyAsync(events.Skip(half).ToList()));

            Assert.DoesNotContain($":{dying.SiloPort}:", after.Silo, StringComparison.Ordinal);
            Assert.Equal((ulong)half, after.LastAppliedSequence);
            Assert.Equal(before.IncidentKeys, after.IncidentKeys);
            Assert.Equal(half, after.RebuiltEvents);
            Assert.Equal((ulong)events.Count, last);
            await client.StopAsync();
        }
        finally
        {
            File.Delete(inventory);
        }
    }
}
