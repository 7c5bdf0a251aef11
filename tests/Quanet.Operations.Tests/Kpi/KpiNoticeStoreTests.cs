using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Kpi;

namespace Quanet.Operations.Tests.Kpi;

/// <summary>KPI notices in the engine's store: same transaction as their events, kept across restarts, bounded.</summary>
public sealed class KpiNoticeStoreTests
{
    private static readonly NetworkInventory Network = SyntheticInventory.Create(6, 3);
    private static readonly string Cell = Network.Elements.First(e => e.Kind == ElementKind.RadioUnit).Id;

    [Fact]
    public async Task Notices_survive_a_restart_in_the_middle_of_a_drop_and_match_an_uninterrupted_run()
    {
        var events = KpiTraffic.Events(Cell, 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 476)).ToList();
        var whole = TestEvents.TempDatabase();
        var split = TestEvents.TempDatabase();
        try
        {
            var expected = await RunAsync(whole, events, null);

            // the same events, the engine stopped and reopened on the same file at hour 472, inside the drop
            var before = await RunAsync(split, events[..472], null);
            Assert.NotEmpty(before);
            await using (var reopened = Engine(split))
            {
                Assert.Equal(before, Rows(reopened.Store));
                Assert.Equal(472, reopened.Kpis.Replayed);
                foreach (var batch in events[472..].Chunk(50))
                {
                    await reopened.IngestAsync(batch);
                }

                Assert.Equal(expected, Rows(reopened.Store));
            }

            Assert.Contains(expected, n => n.Time == KpiTraffic.Micros(470).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(expected, n => n.WindowEnd > KpiTraffic.Monday + (472 * 3600L));
        }
        finally
        {
            TestEvents.DeleteDatabase(whole);
            TestEvents.DeleteDatabase(split);
        }
    }

    [Fact]
    public async Task A_cold_start_keeps_the_stored_notices_but_misses_the_rest_of_the_drop_while_it_learns()
    {
        var events = KpiTraffic.Events(Cell, 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 476)).ToList();
        var db = TestEvents.TempDatabase();
        try
        {
            var cold = new KpiNoticeOptions { ReplayWindow = TimeSpan.Zero };
            var before = await RunAsync(db, events[..472], cold);
            await using var reopened = Engine(db, cold);
            Assert.Equal(0, reopened.Kpis.Replayed);
            foreach (var batch in events[472..].Chunk(50))
            {
                await reopened.IngestAsync(batch);
            }

            Assert.NotEmpty(before);
            Assert.Equal(before, Rows(reopened.Store));
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task Retention_keeps_the_newest_notices_up_to_the_count()
    {
        var events = KpiTraffic.Events(Cell, 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 476)).ToList();
        var all = TestEvents.TempDatabase();
        var two = TestEvents.TempDatabase();
        try
        {
            var expected = await RunAsync(all, events, null);
            Assert.True(expected.Count > 2, $"{expected.Count} notices");
            var kept = await RunAsync(two, events, new KpiNoticeOptions { RetainCount = 2 });
            Assert.Equal(expected[..2], kept);
        }
        finally
        {
            TestEvents.DeleteDatabase(all);
            TestEvents.DeleteDatabase(two);
        }
    }

    [Fact]
    public void Rejects_options_that_cannot_work()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KpiMonitor(new KpiNoticeOptions { Detector = "nope", RetainCount = 0 }));
        Assert.Contains("unknown detector 'nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("retain count", ex.Message, StringComparison.Ordinal);
    }

    private static OperationsEngine Engine(string db, KpiNoticeOptions? options = null) =>
        new(Network, db, new SimulatedNetwork(new DependencyGraph(Network)), kpi: options);

    /// <summary>Ingests <paramref name="events"/> in batches of 50 into a new engine on <paramref name="db"/>, stops it and returns the stored notices.</summary>
    private static async Task<List<KpiNotice>> RunAsync(string db, IReadOnlyList<VesEvent> events, KpiNoticeOptions? options)
    {
        await using var engine = Engine(db, options);
        foreach (var batch in events.Chunk(50))
        {
            await engine.IngestAsync(batch);
        }

        return Rows(engine.Store);
    }

    private static List<KpiNotice> Rows(OperationsStore store) => [.. store.ListKpiNotices(null, 100_000)];
}
