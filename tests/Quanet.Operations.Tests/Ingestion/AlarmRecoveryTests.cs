using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

/// <summary>Deferred alarm-row updates: what the store shows, and what a restart or a crash recovers.</summary>
public sealed class AlarmRecoveryTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task Repeats_deferred_at_a_crash_are_folded_back_from_the_event_rows()
    {
        var db = TestEvents.TempDatabase();
        var crashed = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            var pipeline = new IngestionPipeline(store, alarmSyncInterval: Never);
            try
            {
                await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Critical, 10)]);
                for (var i = 1; i <= 5; i++)
                {
                    await pipeline.SubmitAsync([TestEvents.Fault("A/du", "DU_DOWN", i == 5 ? VesSeverity.Minor : VesSeverity.Critical, 10 + i)]);
                }

                Assert.Equal(6, Assert.Single(pipeline.ActiveAlarms()).Count);
                Assert.Equal(1, Assert.Single(store.ListAlarms(new AlarmQuery())).Count);
                Assert.Equal(6, store.CountEvents());

                // what a kill -9 leaves on disk: the database file and its WAL as of the last commit
                File.Copy(db, crashed);
                File.Copy(db + "-wal", crashed + "-wal");
            }
            finally
            {
                await pipeline.DisposeAsync();
            }

            Assert.Equal(6, Assert.Single(store.ListAlarms(new AlarmQuery())).Count);
            using var recovered = new OperationsStore(crashed);
            await using var restarted = new IngestionPipeline(recovered, alarmSyncInterval: Never);
            var alarm = Assert.Single(restarted.ActiveAlarms());
            Assert.Equal((6, 15L, VesSeverity.Minor), (alarm.Count, alarm.ChangedMicros, alarm.Severity));

            var result = await restarted.SubmitAsync([
                TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Major, 20),
                TestEvents.Fault("A/du", "DU_DOWN", VesSeverity.Normal, 30),
            ]);

            Assert.Equal(new IngestResult(2, 0, 1, 1), result);
            var closed = Assert.Single(recovered.ListAlarms(new AlarmQuery { Active = false }));
            Assert.Equal((1L, 7, 30L), (closed.AlarmId, closed.Count, closed.ClearedMicros));
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
            TestEvents.DeleteDatabase(crashed);
        }
    }

    [Fact]
    public async Task An_acknowledgement_writes_the_deferred_repeats_with_it()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store, alarmSyncInterval: Never);
            await pipeline.SubmitAsync([TestEvents.Fault("B/ru1", "RU_FAULT", VesSeverity.Major, 100)]);
            await pipeline.SubmitAsync([TestEvents.Fault("B/ru1", "RU_FAULT", VesSeverity.Critical, 200)]);

            await pipeline.AcknowledgeAsync(1, "carol");

            var row = Assert.Single(store.ListAlarms(new AlarmQuery()));
            Assert.Equal((2, 200L, VesSeverity.Critical, true), (row.Count, row.ChangedMicros, row.Severity, row.Acknowledged));
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task With_a_zero_sync_interval_every_repeat_is_in_the_store_when_its_submit_returns()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store, alarmSyncInterval: TimeSpan.Zero);
            for (var i = 0; i < 3; i++)
            {
                await pipeline.SubmitAsync([TestEvents.Fault("C/csr", "LINK_DOWN", VesSeverity.Major, 10 + i, "L1")]);

                Assert.Equal(i + 1, Assert.Single(store.ListAlarms(new AlarmQuery())).Count);
            }
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task An_idle_writer_writes_deferred_repeats_once_the_interval_is_up()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store, alarmSyncInterval: TimeSpan.FromMilliseconds(20));
            await pipeline.SubmitAsync([TestEvents.Fault("D/du", "DU_DOWN", VesSeverity.Major, 1)]);
            await pipeline.SubmitAsync([TestEvents.Fault("D/du", "DU_DOWN", VesSeverity.Major, 2)]);

            // no assertion on timing: wait (bounded) until the writer's deadline has passed and it wrote the row
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Assert.Single(store.ListAlarms(new AlarmQuery())).Count != 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(2, Assert.Single(store.ListAlarms(new AlarmQuery())).Count);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task A_store_reopened_after_an_orderly_stop_needs_no_replay_and_numbers_continue()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using (var store = new OperationsStore(db))
            {
                await using var pipeline = new IngestionPipeline(store, alarmSyncInterval: Never);
                await pipeline.SubmitAsync([TestEvents.Fault("E/du", "DU_DOWN", VesSeverity.Major, 1)]);
                await pipeline.SubmitAsync([TestEvents.Fault("E/du", "DU_DOWN", VesSeverity.Major, 2)]);
            }

            using var reopened = new OperationsStore(db);
            Assert.Equal(reopened.MaxEventSeq(), reopened.SyncedSeq());
            await using var again = new IngestionPipeline(reopened);
            await again.SubmitAsync([TestEvents.Fault("E/du", "OTHER", VesSeverity.Major, 3)]);

            Assert.Equal(3, reopened.MaxEventSeq());
            Assert.Equal([2L, 1L], reopened.ListAlarms(new AlarmQuery()).Select(a => a.AlarmId));
            Assert.Equal(2, reopened.ListAlarms(new AlarmQuery { Condition = "DU_DOWN" }).Single().Count);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task A_store_written_before_deferred_updates_opens_without_counting_its_events_twice()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
            {
                old.Open();
                using var create = old.CreateCommand();
                // the previous schema: alarm rows always current, no alarms.event_seq, no meta table
                create.CommandText = """
                    CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, domain TEXT NOT NULL, event_name TEXT NOT NULL,
                        source TEXT NOT NULL, reporting TEXT NOT NULL, priority TEXT NOT NULL, sequence INTEGER NOT NULL,
                        start_us INTEGER NOT NULL, last_us INTEGER NOT NULL, condition TEXT, severity INTEGER, problem TEXT, interface TEXT,
                        alarm_id INTEGER, detail TEXT);
                    CREATE TABLE alarms (alarm_id INTEGER PRIMARY KEY, source TEXT NOT NULL, condition TEXT NOT NULL, interface TEXT NOT NULL,
                        domain TEXT NOT NULL, event_name TEXT NOT NULL, problem TEXT NOT NULL, reporting TEXT NOT NULL, severity INTEGER NOT NULL,
                        raised_us INTEGER NOT NULL, changed_us INTEGER NOT NULL, cleared_us INTEGER, count INTEGER NOT NULL,
                        acked INTEGER NOT NULL DEFAULT 0, ack_user TEXT, ack_us INTEGER, clear_user TEXT);
                    INSERT INTO alarms VALUES (1, 'F/du', 'DU_DOWN', '', 'fault', 'Fault_DU_DOWN', 'DU_DOWN', 'ems', 3, 10, 30, NULL, 3, 0, NULL, NULL, NULL);
                    INSERT INTO events (event_id, domain, event_name, source, reporting, priority, sequence, start_us, last_us, condition, severity, problem, interface, alarm_id)
                    VALUES ('a', 'fault', 'Fault_DU_DOWN', 'F/du', 'ems', 'High', 0, 10, 10, 'DU_DOWN', 3, 'DU_DOWN', '', 1),
                           ('b', 'fault', 'Fault_DU_DOWN', 'F/du', 'ems', 'High', 0, 20, 20, 'DU_DOWN', 3, 'DU_DOWN', '', 1),
                           ('c', 'fault', 'Fault_DU_DOWN', 'F/du', 'ems', 'High', 0, 30, 30, 'DU_DOWN', 3, 'DU_DOWN', '', 1);
                    """;
                create.ExecuteNonQuery();
            }

            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);
            await pipeline.SubmitAsync([TestEvents.Fault("F/du", "DU_DOWN", VesSeverity.Major, 40)]);

            Assert.Equal(4, Assert.Single(pipeline.ActiveAlarms()).Count);
            Assert.Equal(4, store.MaxEventSeq());
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task The_writer_waits_for_another_connection_holding_the_write_lock()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            using var store = new OperationsStore(db);
            await using var pipeline = new IngestionPipeline(store);
            using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
            other.Open();
            using (var begin = other.CreateCommand())
            {
                // as the engine's incident and runbook documents do, on their own connections
                begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO incidents (incident_id, updated_us, document) VALUES (1, 1, '{}');";
                begin.ExecuteNonQuery();
            }

            var submit = pipeline.SubmitAsync([TestEvents.Fault("G/du", "DU_DOWN", VesSeverity.Major, 1)]);
            await Task.Delay(200);
            using (var commit = other.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                commit.ExecuteNonQuery();
            }

            Assert.Equal(new IngestResult(1, 1, 0, 0), await submit);
            Assert.Equal(1, store.CountEvents());
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }
}
