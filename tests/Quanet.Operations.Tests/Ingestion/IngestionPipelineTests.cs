using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

public sealed class IngestionPipelineTests
{
    [Fact]
    public async Task Repeats_are_deduplicated_by_source_condition_and_interface()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);

            var result = await pipeline.SubmitAsync([
                TestEvents.Fault("A/csr", "LINK_DOWN", VesSeverity.Critical, 10, "L1"),
                TestEvents.Fault("A/csr", "LINK_DOWN", VesSeverity.Critical, 20, "L1"),
                TestEvents.Fault("A/csr", "LINK_DOWN", VesSeverity.Critical, 30, "L2"),
                TestEvents.Fault("B/csr", "LINK_DOWN", VesSeverity.Major, 40, "L1"),
            ]);

            Assert.Equal(new IngestResult(4, 3, 1, 0), result);
            var alarms = store.ListAlarms(new AlarmQuery());
            Assert.Equal(3, alarms.Count);
            var a = Assert.Single(alarms, x => x.Source == "A/csr" && x.Interface == "L1");
            Assert.Equal(2, a.Count);
            Assert.Equal(10, a.RaisedMicros);
            Assert.Equal(20, a.ChangedMicros);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task A_normal_severity_event_clears_and_a_later_raise_opens_a_new_alarm()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);
            await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Critical, 10)]);

            var cleared = await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Normal, 50)]);
            await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Critical, 90)]);

            Assert.Equal(1, cleared.Cleared);
            var all = store.ListAlarms(new AlarmQuery { Active = null });
            Assert.Equal(2, all.Count);
            Assert.Equal(50, all.Single(x => !x.IsActive).ClearedMicros);
            Assert.Equal(90, Assert.Single(store.ListAlarms(new AlarmQuery())).RaisedMicros);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task A_clear_without_an_active_alarm_is_stored_but_raises_nothing()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);

            var result = await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Normal, 10)]);

            Assert.Equal(new IngestResult(1, 0, 0, 0), result);
            Assert.Equal(1, store.CountEvents());
            Assert.Equal(0, store.CountAlarms());
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task Nothing_accepted_is_lost_when_the_store_is_reopened()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            var events = new List<VesEvent>();
            for (var i = 0; i < 5000; i++)
            {
                events.Add(TestEvents.Fault($"S{i % 50}/ru1", "RU_FAULT", VesSeverity.Major, i));
            }

            using (var store = new OperationsStore(db))
            {
                await using var pipeline = new IngestionPipeline(store);
                await pipeline.SubmitAsync(events);
                await pipeline.SubmitAsync([TestEvents.Fault("S7/ru1", "RU_FAULT", VesSeverity.Normal, 9000)]);
                await pipeline.AcknowledgeAsync(1, "alice");
            }

            using (var reopened = new OperationsStore(db))
            {
                await using var pipeline = new IngestionPipeline(reopened);
                Assert.Equal(5001, reopened.CountEvents());
                Assert.Equal(49, pipeline.ActiveAlarms().Count);
                Assert.Equal("alice", reopened.FindAlarm(1)!.AckUser);

                // dedup state survives the restart: a repeat updates, a new raise after the clear opens alarm 51
                var result = await pipeline.SubmitAsync([
                    TestEvents.Fault("S8/ru1", "RU_FAULT", VesSeverity.Major, 9100),
                    TestEvents.Fault("S7/ru1", "RU_FAULT", VesSeverity.Major, 9200),
                ]);
                Assert.Equal(new IngestResult(2, 1, 1, 0), result);
                Assert.Equal(51, reopened.ListAlarms(new AlarmQuery { Source = "S7/ru1" }).Single().AlarmId);
            }
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task Operators_acknowledge_and_clear_and_subscribers_see_every_change_after_commit()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store, new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1000)));
            var seen = new List<AlarmChangeKind>();
            pipeline.Subscribe(batch => seen.AddRange(batch.Changes.Select(c => c.Kind)));
            await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Critical, 10)]);

            var acked = await pipeline.AcknowledgeAsync(1, "bob");
            var cleared = await pipeline.ClearAsync(1, "bob");
            var missing = await pipeline.AcknowledgeAsync(99, "bob");

            Assert.True(acked!.Acknowledged);
            Assert.Equal(1_000_000_000, cleared!.ClearedMicros);
            Assert.Equal("bob", cleared.ClearUser);
            Assert.Null(missing);
            Assert.Empty(store.ListAlarms(new AlarmQuery()));
            Assert.Equal([AlarmChangeKind.Raised, AlarmChangeKind.Acknowledged, AlarmChangeKind.Cleared], seen);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task A_submission_completes_only_after_every_subscriber_has_seen_it()
    {
        // regression (#16 defect 4): the writer completed the submitters before publishing, so a replay
        // could flush the correlator before its last batch arrived; a subscriber held on the writer
        // thread makes that order visible every time instead of on a loaded machine only
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);
            using var gate = new ManualResetEventSlim();
            var seen = 0;
            pipeline.Subscribe(batch =>
            {
                gate.Wait(TimeSpan.FromSeconds(2));
                Interlocked.Add(ref seen, batch.Events.Count);
            });

            await pipeline.SubmitAsync([
                TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Critical, 10),
                TestEvents.Fault("B/du", "DU_DOWN", VesSeverity.Critical, 20),
            ]);
            var seenOnCompletion = Volatile.Read(ref seen);
            gate.Set();

            Assert.Equal(2, seenOnCompletion);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
