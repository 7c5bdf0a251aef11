using System.Globalization;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Tests.Processing.Support;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Processing;

public sealed class RegionFeedTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    [NatsAndPostgresFact]
    public async Task Silos_on_the_log_apply_every_event_once_through_a_silo_death_and_find_the_embedded_incidents()
    {
        var storm = await Storm.SimulateAsync(seed: 1);
        var regions = TopologyRegions.FromInventory(storm.Inventory);
        await using var nats = await NatsCluster.StartAsync();
        var connection = await database.CreateAsync();
        await using var first = await TestSilo.StartAsync(connection, storm.Inventory, nats.Log);
        await using var second = await TestSilo.StartAsync(connection, storm.Inventory, nats.Log);
        var half = storm.Lines.Count / 2;

        await PublishAsync(nats.Log, regions, storm.Lines.Take(half), 0);
        await AppliedAsync(connection, half);
        await first.KillAsync();
        await PublishAsync(nats.Log, regions, storm.Lines.Skip(half), half);
        await AppliedAsync(connection, storm.Lines.Count);

        var cluster = new List<string>();
        foreach (var region in storm.Regions.Keys)
        {
            var grain = second.Grains.GetGrain<IRegionGrain>(region);
            await RegionGrainTests.RetryAsync(async () =>
            {
                await grain.FlushAsync();
                return 0;
            });
            cluster.AddRange((await grain.StatusAsync()).IncidentKeys);
        }

        Assert.Equal((await storm.EmbeddedIncidentsAsync(100)).ToHashSet(), cluster.ToHashSet());
        Assert.Equal(storm.Lines.Count, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_region_events"));
        // the remote-fix incidents' runbooks all finish, none applying an action twice
        await RegionGrainTests.RetryAsync(async () => await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_runbooks WHERE outcome IS NULL") == 0
            ? 0 : throw new InvalidOperationException("runbooks still running"));
        Assert.True(await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_runbooks") > 0);
        Assert.Equal(0, await ClusterActions.DuplicatesAsync(connection, CancellationToken.None));
    }

    [NatsAndPostgresFact]
    public async Task Bundled_and_compressed_events_are_each_applied_once_and_find_the_embedded_incidents()
    {
        var storm = await Storm.SimulateAsync(seed: 1);
        var regions = TopologyRegions.FromInventory(storm.Inventory);
        await using var nats = await NatsCluster.StartAsync();
        await using var bundled = await JetStreamEventLog.OpenAsync(NatsCluster.Options(nats.Cluster) with { BundleSize = 50 }, CancellationToken.None);
        var connection = await database.CreateAsync();
        await using var silo = await TestSilo.StartAsync(connection, storm.Inventory, nats.Log);

        await PublishAsync(bundled, regions, storm.Lines, 0);
        await AppliedAsync(connection, storm.Lines.Count);

        var state = await nats.Log.StateAsync(CancellationToken.None);
        Assert.True(state.Events < storm.Lines.Count / 4, $"{state.Events} messages for {storm.Lines.Count} events: not bundled");
        var cluster = new List<string>();
        foreach (var region in storm.Regions.Keys)
        {
            var grain = silo.Grains.GetGrain<IRegionGrain>(region);
            await grain.FlushAsync();
            cluster.AddRange((await grain.StatusAsync()).IncidentKeys);
        }

        Assert.Equal((await storm.EmbeddedIncidentsAsync(100)).ToHashSet(), cluster.ToHashSet());
        Assert.Equal(storm.Lines.Count, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_region_events"));
    }

    internal static async Task PublishAsync(JetStreamEventLog log, TopologyRegions regions, IEnumerable<byte[]> lines, int first)
    {
        var events = lines.Select((line, i) => new EventToLog(
            regions.RegionOf(Operations.Ingestion.VesParser.ParseBody(line)[0].SourceName), "m" + (first + i).ToString(CultureInfo.InvariantCulture), line)).ToList();
        foreach (var chunk in events.Chunk(200))
        {
            await log.PublishAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>Waits until the region grains have stored <paramref name="count"/> events.</summary>
    private static async Task AppliedAsync(string connection, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_region_events") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the region grains did not apply {count} events in time");
            await Task.Delay(200);
        }
    }
}
