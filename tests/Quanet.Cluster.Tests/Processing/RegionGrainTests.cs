using Quanet.Cluster.Processing;
using Quanet.Cluster.Tests.Processing.Support;

namespace Quanet.Cluster.Tests.Processing;

public sealed class RegionGrainTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    [PostgresClusterFact]
    public async Task Region_grain_survives_its_silo_dying_and_reactivates_on_the_other_silo_with_the_same_state()
    {
        var storm = await Storm.SimulateAsync(seed: 3);
        var (region, events) = storm.Regions.MaxBy(r => r.Value.Count);
        var connection = await database.CreateAsync();
        await using var first = await TestSilo.StartAsync(connection, storm.Inventory);
        await using var second = await TestSilo.StartAsync(connection, storm.Inventory);
        var half = events.Count / 2;
        await Storm.ApplyAsync(first.Grains.GetGrain<IRegionGrain>(region), events.Take(half), 50);
        var before = await first.Grains.GetGrain<IRegionGrain>(region).StatusAsync();
        var (dying, surviving) = before.Silo == first.Identity ? (first, second) : (second, first);

        await dying.KillAsync();
        var after = await RetryAsync(() => surviving.Grains.GetGrain<IRegionGrain>(region).StatusAsync());

        Assert.Equal(surviving.Identity, after.Silo);
        Assert.Equal((ulong)half, after.LastAppliedSequence);
        Assert.Equal(before.IncidentKeys, after.IncidentKeys);
        Assert.Equal(half, after.RebuiltEvents);
        var last = await surviving.Grains.GetGrain<IRegionGrain>(region).ApplyAsync(events.Skip(half).ToList());
        Assert.Equal((ulong)events.Count, last);
    }

    [PostgresClusterFact]
    public async Task Reapplied_sequences_change_nothing()
    {
        var storm = await Storm.SimulateAsync(seed: 5);
        var (region, events) = storm.Regions.MaxBy(r => r.Value.Count);
        var connection = await database.CreateAsync();
        await using var silo = await TestSilo.StartAsync(connection, storm.Inventory);
        var grain = silo.Grains.GetGrain<IRegionGrain>(region);
        await Storm.ApplyAsync(grain, events, 40);
        var once = await grain.StatusAsync();
        var rows = await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_region_events");
        var incidents = await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_incidents");

        // redelivery after a failover: everything again, in other batches, and an overlapping tail
        await Storm.ApplyAsync(grain, events, 25);
        await grain.ApplyAsync(events.Skip(events.Count - 10).ToList());
        var twice = await grain.StatusAsync();

        Assert.Equal((ulong)events.Count, twice.LastAppliedSequence);
        Assert.Equal(once.IncidentKeys, twice.IncidentKeys);
        Assert.Equal(once.Refused, twice.Refused);
        Assert.Equal(rows, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_region_events"));
        Assert.Equal(incidents, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_incidents"));
    }

    [PostgresClusterFact]
    public async Task Incidents_of_the_region_grains_equal_those_of_the_embedded_engine_on_the_same_storm()
    {
        // (seed 7 of this storm once differed by one incident: two cuts in one region within a settle time, grouped
        // differently because the region's clock ticks only with its own events; not re-checked after session 28's
        // cross-region changes)
        var storm = await Storm.SimulateAsync(seed: 1);
        var connection = await database.CreateAsync();
        await using var first = await TestSilo.StartAsync(connection, storm.Inventory);
        await using var second = await TestSilo.StartAsync(connection, storm.Inventory);

        var cluster = new List<string>();
        foreach (var (region, events) in storm.Regions)
        {
            var grain = (cluster.Count % 2 == 0 ? first : second).Grains.GetGrain<IRegionGrain>(region);
            await Storm.ApplyAsync(grain, events, 100);
            await grain.FlushAsync();
            cluster.AddRange((await grain.StatusAsync()).IncidentKeys);
        }

        var embedded = await storm.EmbeddedIncidentsAsync(100);
        Assert.NotEmpty(embedded);
        // compared as sets (what the chaos benchmark's incidents_match compares): the same root cause can recur
        Assert.Equal(embedded.ToHashSet(), cluster.ToHashSet());
        Assert.Equal(cluster.Count, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_incidents"));
    }

    /// <summary>Calls <paramref name="call"/> until it succeeds (calls fail while the cluster notices the dead silo).</summary>
    internal static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
