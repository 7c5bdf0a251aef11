using System.Text;
using Quanet.Cluster.Ingestion;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Cluster.Chaos;

/// <summary>
/// The storm a chaos run sends: the VES events <c>quanet ops simulate</c> emits for a dense fault mix on the network,
/// simulated long enough for the asked number of events and cut there; each with its region and identity.
/// </summary>
internal sealed class ChaosStorm
{
    /// <summary>Faults per 24 h: dense, so that regions see overlapping faults (the benchmark suite's mix).</summary>
    public const string FaultMix = "fibre_cut=24,du_crash=24,power_loss=12,congestion=12,misconfiguration=12,kpi_degradation=12";

    private ChaosStorm(IReadOnlyList<StormEvent> events, double hours)
    {
        Events = events;
        Hours = hours;
    }

    /// <summary>The events in the simulator's order.</summary>
    public IReadOnlyList<StormEvent> Events { get; }

    /// <summary>Simulated hours.</summary>
    public double Hours { get; }

    public static async Task<ChaosStorm> SimulateAsync(NetworkInventory inventory, int seed, int events, CancellationToken cancellationToken)
    {
        var regions = TopologyRegions.FromInventory(inventory);
        var hours = 24.0;
        while (true)
        {
            using var log = new StringWriter();
            await OperationsSimulator.RunAsync(inventory, "chaos", new SimulationOptions
            {
                Hours = hours,
                Seed = seed,
                Faults = ScenarioCatalog.ParseMix(FaultMix),
                EventLog = log,
            }, null, cancellationToken).ConfigureAwait(false);
            var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            const double maxHours = 24 * 31;
            if (lines.Length >= events || hours >= maxHours)
            {
                var list = new List<StormEvent>(Math.Min(events, lines.Length));
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
                using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
                foreach (var line in lines.Take(events))
                {
                    // the simulator writes {"event":...}; a batch holds the bare event objects
                    var e = VesParser.ParseBody(Encoding.UTF8.GetBytes(line))[0];
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                    VesEventWriter.WriteEvent(writer, e);
                    writer.Flush();
                    list.Add(new StormEvent(list.Count, regions.RegionsOf(e.SourceName), StormEvent.KeyOf(e), e.LastEpochMicrosec, buffer.WrittenSpan.ToArray()));
                }

                return new ChaosStorm(list, hours);
            }

            hours = Math.Min(maxHours, Math.Ceiling(hours * Math.Max(1.25, 1.1 * events / Math.Max(1, lines.Length))));
        }
    }
}
