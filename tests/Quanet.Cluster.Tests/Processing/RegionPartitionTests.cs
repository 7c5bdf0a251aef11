using Npgsql;
using Quanet.Cluster.Chaos;
using Quanet.Cluster.Processing;
using Quanet.Operations.Action;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Tests.Processing;

/// <summary>
/// The cluster's partition of the correlation by region, without the cluster: each region's engine gets the events the
/// collector publishes to it (its own and its neighbours' hub events) in the storm's order, and the union of the
/// incidents the regions own must be the embedded single-process engine's, on the chaos benchmark's own storms.
/// </summary>
public sealed class RegionPartitionTests
{
    // the benchmark's storms (120 sites, 10,000 events, seeds 1-10) and the chaos test's (40 sites, 2,000 events), in
    // the storm's order; then the first ones with the neighbours' copies arriving up to two minutes of event time
    // early or late against the region's own events (the chaos senders step through event time a minute at a time)
    public static TheoryData<int, int, int, string> Storms()
    {
        var storms = new TheoryData<int, int, int, string> { { 40, 1, 2_000, InOrder }, { 40, 2, 2_000, InOrder } };
        for (var seed = 1; seed <= 10; seed++)
        {
            storms.Add(120, seed, 10_000, InOrder);
        }

        foreach (var arrival in new[] { CopiesFirst, CopiesLast })
        {
            storms.Add(40, 1, 2_000, arrival);
            storms.Add(120, 1, 10_000, arrival);
            storms.Add(120, 2, 10_000, arrival);
        }

        return storms;
    }

    private const string InOrder = "in order";
    private const string CopiesFirst = "copies first";
    private const string CopiesLast = "copies last";
    private const long SkewMicros = 120_000_000;

    [Theory]
    [MemberData(nameof(Storms))]
    public async Task Regions_together_find_the_embedded_engines_incidents_on_a_chaos_storm(int sites, int seed, int events, string arrival)
    {
        var inventory = SyntheticInventory.Create(sites, seed);
        var storm = await ChaosStorm.SimulateAsync(inventory, seed, events, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("quanet-partition-");
        try
        {
            var embedded = await EmbeddedReplay.IncidentsAsync(inventory, storm.Events, folder.FullName, CancellationToken.None);

            var partitioned = await PartitionedAsync(inventory, storm, folder.FullName, arrival);

            Assert.Equal([], partitioned.Except(embedded).Select(k => "+" + k).Concat(embedded.Except(partitioned).Select(k => "-" + k)).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_hub_power_loss_is_reported_by_its_own_region_only()
    {
        var inventory = SyntheticInventory.Create(120, 2);
        var storm = await ChaosStorm.SimulateAsync(inventory, 2, 10_000, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("quanet-partition-");
        try
        {
            var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            await foreach (var (region, engine) in EnginesAsync(inventory, storm, folder.FullName, InOrder))
            {
                await using var owned = engine;
                foreach (var incident in engine.Incidents)
                {
                    var key = ResolutionPlanner.TypeName(incident.Type) + ":" + incident.RootCause;
                    (owners.TryGetValue(key, out var list) ? list : owners[key] = []).Add(region);
                }
            }

            var hubPowerLosses = owners.Where(o => o.Key.StartsWith("power_loss:AGG", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(hubPowerLosses);
            Assert.All(hubPowerLosses, o => Assert.Equal([o.Key["power_loss:".Length..].ToLowerInvariant()], o.Value));
            Assert.All(owners, o => Assert.Single(o.Value.Distinct()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HashSet<string>> PartitionedAsync(NetworkInventory inventory, ChaosStorm storm, string folder, string arrival)
    {
        var incidents = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (_, engine) in EnginesAsync(inventory, storm, folder, arrival))
        {
            await using var owned = engine;
            incidents.UnionWith(engine.IncidentKeys());
        }

        return incidents;
    }

    // each region's engine after its events (batches of 100, as a consumer fetches them) and a flush
    private static async IAsyncEnumerable<(string Region, RegionEngine Engine)> EnginesAsync(NetworkInventory inventory, ChaosStorm storm, string folder, string arrival)
    {
        await using var database = NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused");
        var context = new ClusterContext(inventory, RunbookCatalog.Defaults(), database, folder, TimeSpan.FromSeconds(10));
        var start = storm.Events.Min(e => e.Micros);
        var byRegion = storm.Events
            .SelectMany(e => e.Regions.Select((r, k) => (Region: r, Event: e, Copy: k > 0)))
            .GroupBy(x => x.Region, StringComparer.Ordinal);
        foreach (var region in byRegion)
        {
            var events = arrival == InOrder
                ? region.ToList()
                : [.. region.OrderBy(x => (x.Event.Micros - start) / SkewMicros).ThenBy(x => x.Copy == (arrival == CopiesLast)).ThenBy(x => x.Event.Index)];
            var engine = new RegionEngine(region.Key, context);
            foreach (var chunk in events.Chunk(100))
            {
                await engine.IngestAsync(chunk.Select(x => (ReadOnlyMemory<byte>)x.Event.Json), CancellationToken.None);
            }

            engine.Flush();
            yield return (region.Key, engine);
        }
    }
}
