using System.Text;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation;

/// <summary>
/// Runs the measured-outcome experiment: a simulated network with injected faults of known ground
/// truth and noise streams VES events (serialised to JSON and parsed back, as over HTTP) into the real
/// engine (SQLite store, correlator, planner, runbooks acting on the simulated network). The world
/// answers the engine's actions (a technician sent to the right place repairs; a runbook changes the
/// network). The same faults are scored for a baseline NOC where every alarm is a ticket.
/// </summary>
public sealed partial class OperationsSimulator
{
    private const long Minute = 60_000_000;
    private readonly NetworkInventory _inventory;
    private readonly SimulationOptions _options;
    private readonly SimulationWorld _world;
    private readonly Dictionary<int, FaultTrack> _tracks = [];
    private readonly Dictionary<string, int> _runOutcomes = new(StringComparer.Ordinal);
    private int _wastedVisits;

    private OperationsSimulator(NetworkInventory inventory, SimulationOptions options)
    {
        _inventory = inventory;
        _options = options;
        _world = new SimulationWorld(new DependencyGraph(inventory), options.Seed) { LossProbability = options.LossProbability };
    }

    private NocParameters Noc => _options.Noc;

    /// <summary>Runs a simulation and returns the measured report.</summary>
    /// <param name="inventory">The network.</param>
    /// <param name="topology">Where the network came from (for the report).</param>
    /// <param name="options">What to simulate.</param>
    /// <param name="progress">Receives the simulated fraction done (0..1).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<SimulationReport> RunAsync(NetworkInventory inventory, string topology, SimulationOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Hours);
        var simulator = new OperationsSimulator(inventory, options);
        var db = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"quanet-sim-{Guid.NewGuid():N}.db");
        try
        {
            return await simulator.RunAsync(db, topology, progress, cancellationToken);
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

    private async Task<SimulationReport> RunAsync(string db, string topology, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var start = _options.Start.ToUnixTimeMilliseconds() * 1000;
        var end = start + (long)(_options.Hours * 60 * Minute);
        var hardEnd = end + (48 * 60 * Minute);
        _world.StartAt(start);
        ScheduleFaults(start, end);
        ScheduleNoise(start, end);
        SchedulePm(start + (15 * Minute), hardEnd);
        SimulationReport report;
        await using (var engine = new OperationsEngine(_inventory, db, _world.Network))
        {
            var t = start;
            var lastProgress = -1.0;
            while (t < hardEnd)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = Math.Min(_world.NextTime() ?? long.MaxValue, t + (Minute / 2));
                t = Math.Max(next, t);
                var events = _world.AdvanceTo(t);
                if (events.Count > 0)
                {
                    // over the wire and back: the engine only ever sees VES JSON
                    var body = Encoding.UTF8.GetBytes(VesEventWriter.ToBatchJson(events));
                    await engine.IngestAsync(VesParser.ParseBody(body), cancellationToken);
                }

                engine.Correlator.AdvanceTo(t);
                foreach (var incident in engine.TakeOpenedIncidents())
                {
                    await HandleAsync(engine, incident, t, cancellationToken);
                }

                if (t >= end && _tracks.Values.All(x => x.Fault.RepairedMicros is not null && x.Fault.RepairedMicros <= t))
                {
                    break;
                }

                var done = Math.Min(1, (double)(t - start) / (end - start));
                if (done - lastProgress >= 0.01)
                {
                    progress?.Report(done);
                    lastProgress = done;
                }
            }

            engine.Correlator.Flush();
            foreach (var incident in engine.TakeOpenedIncidents())
            {
                await HandleAsync(engine, incident, t, cancellationToken);
            }

            report = Report(engine, topology, t);
        }

        progress?.Report(1);
        return report;
    }

    private void ScheduleFaults(long start, long end)
    {
        var rng = new Random(_options.Seed * 7919);
        var id = 0;
        var span = end - start;
        foreach (var (kind, perDay) in _options.Faults)
        {
            var scenario = ScenarioCatalog.Find(kind);
            var count = (int)Math.Round(perDay * _options.Hours / 24);
            for (var i = 0; i < count; i++)
            {
                var at = start + (long)(span * (0.02 + (0.9 * rng.NextDouble())));
                var faultId = ++id;
                _world.Schedule(at, w =>
                {
                    var fault = scenario.Inject(w, faultId, w.NowMicros);
                    if (fault is null)
                    {
                        return;
                    }

                    w.Faults.Add((fault, scenario));
                    _tracks[fault.Id] = new FaultTrack(fault, scenario);

                    // nobody notices a fault whose alarms never arrive until customers complain (4 h)
                    w.Schedule(w.NowMicros + (240 * Minute), _ => Fallback(fault.Id, w.NowMicros + (long)(scenario.ManualDiagnosisMinutes * Minute)));
                    w.Refresh();
                });
            }
        }
    }

    private void ScheduleNoise(long start, long end)
    {
        var rng = new Random((_options.Seed * 104729) + 17);
        foreach (var at in Poisson(rng, start, end, _options.FlapsPerHour))
        {
            _world.Schedule(at, w =>
            {
                var link = w.Inventory.Links[w.Rng.Next(w.Inventory.Links.Count)].Id;
                if (w.FlappingLinks.Add(link))
                {
                    w.Refresh();
                    w.Schedule(w.NowMicros + SimulationWorld.Micros(w.Rng, 5, 60), w2 =>
                    {
                        w2.FlappingLinks.Remove(link);
                        w2.Refresh();
                    });
                }
            });
        }

        foreach (var at in Poisson(rng, start, end, _options.WarningsPerHour))
        {
            _world.Schedule(at, w =>
            {
                var element = w.Inventory.Elements[w.Rng.Next(w.Inventory.Elements.Count)];
                var alarm = new DesiredAlarm(Correlation.AlarmConditions.HighTemperature, element.Id, "", element.Id, "fault", VesSeverity.Warning);
                if (w.NoiseAlarms.TryAdd(alarm.Key, alarm))
                {
                    w.Refresh();
                    w.Schedule(w.NowMicros + SimulationWorld.Micros(w.Rng, 20 * 60, 90 * 60), w2 =>
                    {
                        w2.NoiseAlarms.Remove(alarm.Key);
                        w2.Refresh();
                    });
                }
            });
        }

        var change = 0;
        foreach (var at in Poisson(rng, start, end, _options.BenignChangesPerHour))
        {
            _world.Schedule(at, w =>
            {
                var dus = w.Inventory.Elements.Where(e => e.Kind == ElementKind.DistributedUnit && w.Network.SiteUp(e.SiteId)).ToList();
                if (dus.Count == 0)
                {
                    return;
                }

                var du = dus[w.Rng.Next(dus.Count)];
                var id = $"routine-{++change}";
                w.Network.Apply(du.Id, new Dictionary<string, double> { ["max_ue_per_cell"] = 500 + w.Rng.Next(200) }, id);
                w.EmitConfigChange(du.Id, id);
            });
        }
    }

    private void SchedulePm(long at, long hardEnd)
    {
        if (at >= hardEnd)
        {
            return;
        }

        _world.Schedule(at, w =>
        {
            w.PerformanceTick();
            w.Refresh();
            SchedulePm(at + (15 * Minute), hardEnd);
        });
    }

    private static IEnumerable<long> Poisson(Random rng, long start, long end, double perHour)
    {
        if (perHour <= 0)
        {
            yield break;
        }

        var t = (double)start;
        while (true)
        {
            t += -Math.Log(1 - rng.NextDouble()) / perHour * 60 * Minute;
            if (t >= end)
            {
                yield break;
            }

            yield return (long)t;
        }
    }
}
