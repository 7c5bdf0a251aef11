using Quanet.Cluster.Processing;
using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Chaos;

/// <summary>The reference of <c>incidents_match</c>: the embedded single-process engine on the same events, in the storm's order.</summary>
internal static class EmbeddedReplay
{
    /// <summary>Events per ingest call (the simulator's and <c>ops replay</c>'s order of magnitude).</summary>
    public const int Batch = 100;

    /// <summary>The incidents (<c>type:entity</c>) of the embedded engine on <paramref name="events"/>, using a scratch database in <paramref name="folder"/>.</summary>
    public static async Task<HashSet<string>> IncidentsAsync(NetworkInventory inventory, IReadOnlyList<StormEvent> events, string folder, CancellationToken cancellationToken)
    {
        var db = Path.Combine(folder, $"embedded-{Guid.NewGuid():N}.db");
        try
        {
            await using var engine = new OperationsEngine(inventory, db, new NoNetwork());
            for (var i = 0; i < events.Count; i += Batch)
            {
                var batch = new List<VesEvent>(Batch);
                for (var j = i; j < Math.Min(events.Count, i + Batch); j++)
                {
                    batch.AddRange(VesParser.ParseBody(events[j].Json));
                }

                await engine.IngestAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            engine.Correlator.Flush();
            return [.. engine.Correlator.Incidents.Select(i => ResolutionPlanner.TypeName(i.Type) + ":" + i.RootCause)];
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
}
