using System.Text;
using CsCheck;
using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Operations.Tests.Correlation;

/// <summary>
/// Issue #16 defect 3: one event stamped in the year 4822 stalled correlation (a replay of a storm then
/// opened no incident). A single hostile event inserted anywhere in a storm must leave the incidents of
/// the other events as they were.
/// </summary>
public sealed class HostileEventTests
{
    private const long Hour = 3_600_000_000;
    private const string Ghost = "X99/ghost";

    private static readonly NetworkInventory Network = SyntheticInventory.Create(12, 7);
    private static readonly Lazy<Task<List<VesEvent>>> Storm = new(SimulateStormAsync);

    private enum Hostility
    {
        FarFuture,
        FarPast,
        UnknownEntity,
        RepeatedEvent,
    }

    [Fact]
    public async Task An_event_in_the_year_4822_is_quarantined_and_the_storm_still_opens_its_incidents()
    {
        var storm = await Storm.Value;
        var hostile = TestEvents.Fault(Ghost, AlarmConditions.LinkDown, VesSeverity.Critical, 90_000_000_000_000_000);
        var expected = await ReplayAsync([.. storm]);

        var (incidents, quarantined) = await ReplayAsync([.. storm.Take(storm.Count / 3), hostile, .. storm.Skip(storm.Count / 3)]);

        Assert.NotEmpty(expected.Incidents);
        Assert.Equal(Project(expected.Incidents), Project(incidents));
        Assert.Equal(1, quarantined.Total);
        Assert.Equal(1, quarantined.Reasons[EventQuarantine.AheadOfStream]);
        Assert.Equal(0, expected.Quarantined.Total);
    }

    [Fact]
    public async Task Any_single_hostile_event_leaves_the_incidents_of_the_other_events_unchanged()
    {
        var storm = await Storm.Value;
        var expected = Project((await ReplayAsync([.. storm])).Incidents);
        var gen =
            from kind in Gen.Enum<Hostility>()
            from position in Gen.Int[0, storm.Count]
            from source in Gen.Int[0, storm.Count - 1]
            from offset in Gen.Long[1, 5_000 * 24 * Hour]
            select (kind, position, source, offset);

        await gen.SampleAsync(async h =>
        {
            var events = new List<VesEvent>(storm);
            events.Insert(h.position, Hostile(storm, h.kind, h.position, h.source, h.offset));

            var (incidents, _) = await ReplayAsync(events);

            Assert.Equal(expected, Project(incidents));
        }, iter: 24, threads: 1, print: h => $"{h.kind} at {h.position} (from event {h.source}, offset {h.offset} us)");
    }

    private static VesEvent Hostile(List<VesEvent> storm, Hostility kind, int position, int source, long offset)
    {
        var near = storm[Math.Min(position, storm.Count - 1)].LastEpochMicrosec;
        var skew = (long)new CorrelatorOptions().ClockSkew.TotalMicroseconds;
        return kind switch
        {
            Hostility.FarFuture => TestEvents.Fault(Ghost, AlarmConditions.LinkDown, VesSeverity.Critical, near + skew + offset),
            Hostility.FarPast => TestEvents.Fault(Ghost, AlarmConditions.LinkDown, VesSeverity.Critical, Math.Max(0, near - skew - offset)),
            Hostility.UnknownEntity => TestEvents.Fault(Ghost, AlarmConditions.NeUnreachable, VesSeverity.Major, near),
            _ => storm[Math.Min(source, Math.Max(0, position - 1))],
        };
    }

    /// <summary>Each incident as its type, root cause, score and storm alarms (the hostile entity's alarms left out), sorted.</summary>
    private static List<string> Project(IReadOnlyList<Incident> incidents) =>
        [.. incidents
            .Select(i => (i, alarms: i.Alarms.Where(a => a.Source != Ghost)
                .Select(a => $"{a.Condition}|{a.Source}|{a.Interface}|{a.RaisedMicros}|{a.Cleared}")
                .Order(StringComparer.Ordinal).ToList()))
            .Where(x => x.alarms.Count > 0)
            .Select(x => $"{x.i.Type} {x.i.RootCause} {x.i.Score}: {string.Join(", ", x.alarms)}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Ingests <paramref name="events"/> in batches through the engine, drains the writer, then groups what waits.</summary>
    private static async Task<(IReadOnlyList<Incident> Incidents, QuarantineCounts Quarantined)> ReplayAsync(List<VesEvent> events)
    {
        var db = TestEvents.TempDatabase();
        try
        {
            await using var engine = new OperationsEngine(Network, db, new SimulatedNetwork(new DependencyGraph(Network)));
            foreach (var batch in events.Chunk(64))
            {
                await engine.IngestAsync(batch);
            }

            // the writer publishes to the correlator after completing the submitters: wait for it to finish
            await engine.Pipeline.DisposeAsync();
            engine.Correlator.Flush();
            return (engine.Correlator.Incidents, engine.Correlator.Quarantined);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    private static async Task<List<VesEvent>> SimulateStormAsync()
    {
        using var log = new StringWriter();
        await OperationsSimulator.RunAsync(Network, "test", new SimulationOptions
        {
            Hours = 3,
            Seed = 11,
            Faults = ScenarioCatalog.ParseMix("fibre_cut=16,du_crash=8,power_loss=8"),
            EventLog = log,
        });
        var events = new List<VesEvent>();
        foreach (var line in log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            events.AddRange(VesParser.ParseBody(Encoding.UTF8.GetBytes(line)));
        }

        return events;
    }
}
