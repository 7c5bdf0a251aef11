using System.Text;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Processing;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Cluster.Tests.Processing.Support;

/// <summary>
/// A small simulated storm (the events <c>quanet ops simulate</c> sends, one VES JSON per line), split into the
/// topology regions with per-region stream sequences 1, 2, ..., as the region consumers would deliver them.
/// </summary>
internal sealed class Storm
{
    private Storm(NetworkInventory inventory, IReadOnlyList<byte[]> lines, IReadOnlyDictionary<string, List<RegionEvent>> regions)
    {
        Inventory = inventory;
        Lines = lines;
        Regions = regions;
    }

    public NetworkInventory Inventory { get; }

    /// <summary>Every event in sending order.</summary>
    public IReadOnlyList<byte[]> Lines { get; }

    /// <summary>The events of each region (its own and its neighbours' hub events) with their stream sequences.</summary>
    public IReadOnlyDictionary<string, List<RegionEvent>> Regions { get; }

    public static async Task<Storm> SimulateAsync(int seed, double hours = 3, string faults = "fibre_cut=48,du_crash=48,power_loss=24,congestion=24,misconfiguration=24")
    {
        var inventory = SyntheticInventory.Create(30, seed);
        using var log = new StringWriter();
        await OperationsSimulator.RunAsync(inventory, "test", new SimulationOptions
        {
            Hours = hours,
            Seed = seed,
            Faults = ScenarioCatalog.ParseMix(faults),
            EventLog = log,
        });
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes).ToList();
        var regions = TopologyRegions.FromInventory(inventory);
        var byRegion = new Dictionary<string, List<RegionEvent>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            // as the collector publishes: to the source's region, and a hub's events to the neighbouring regions too
            foreach (var region in regions.RegionsOf(VesParser.ParseBody(line)[0].SourceName))
            {
                if (!byRegion.TryGetValue(region, out var list))
                {
                    list = [];
                    byRegion[region] = list;
                }

                list.Add(new RegionEvent { Sequence = (ulong)list.Count + 1, Json = line });
            }
        }

        return new Storm(inventory, lines, byRegion);
    }

    /// <summary>The incidents (<c>type:entity</c>, sorted) of the embedded single-process engine on the same events.</summary>
    public async Task<List<string>> EmbeddedIncidentsAsync(int batch)
    {
        var db = Path.Combine(Path.GetTempPath(), $"quanet-embedded-{Guid.NewGuid():N}.db");
        try
        {
            await using var engine = new OperationsEngine(Inventory, db, new NoNetwork());
            for (var i = 0; i < Lines.Count; i += batch)
            {
                var events = Lines.Skip(i).Take(batch).SelectMany(l => VesParser.ParseBody(l)).ToList();
                await engine.IngestAsync(events);
            }

            engine.Correlator.Flush();
            return [.. engine.Correlator.Incidents.Select(i => Operations.Action.ResolutionPlanner.TypeName(i.Type) + ":" + i.RootCause).Order(StringComparer.Ordinal)];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    /// <summary>Applies <paramref name="events"/> to <paramref name="grain"/> in batches of <paramref name="batch"/>.</summary>
    public static async Task ApplyAsync(IRegionGrain grain, IEnumerable<RegionEvent> events, int batch)
    {
        foreach (var chunk in events.Chunk(batch))
        {
            await grain.ApplyAsync(chunk);
        }
    }
}
