namespace Quanet.Operations.Ingestion;

/// <summary>The SQLite schema of the operations store.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL, domain TEXT NOT NULL, event_name TEXT NOT NULL,
            source TEXT NOT NULL, reporting TEXT NOT NULL, priority TEXT NOT NULL, sequence INTEGER NOT NULL,
            start_us INTEGER NOT NULL, last_us INTEGER NOT NULL,
            condition TEXT, severity INTEGER, problem TEXT, interface TEXT, alarm_id INTEGER, detail TEXT);
        CREATE TABLE IF NOT EXISTS alarms (
            alarm_id INTEGER PRIMARY KEY,
            source TEXT NOT NULL, condition TEXT NOT NULL, interface TEXT NOT NULL,
            domain TEXT NOT NULL, event_name TEXT NOT NULL, problem TEXT NOT NULL, reporting TEXT NOT NULL,
            severity INTEGER NOT NULL, raised_us INTEGER NOT NULL, changed_us INTEGER NOT NULL, cleared_us INTEGER,
            count INTEGER NOT NULL, acked INTEGER NOT NULL DEFAULT 0, ack_user TEXT, ack_us INTEGER, clear_user TEXT,
            event_seq INTEGER NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX IF NOT EXISTS alarms_active ON alarms(source, condition, interface) WHERE cleared_us IS NULL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS incidents (
            incident_id INTEGER PRIMARY KEY, updated_us INTEGER NOT NULL, document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runbook_runs (
            run_id INTEGER PRIMARY KEY, incident_id INTEGER, document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS kpi_notices (
            notice_id INTEGER PRIMARY KEY, source TEXT NOT NULL, series TEXT NOT NULL, time TEXT NOT NULL,
            score REAL NOT NULL, value REAL NOT NULL, expected REAL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS kpi_notices_source ON kpi_notices(source, notice_id);
        CREATE INDEX IF NOT EXISTS kpi_notices_end ON kpi_notices(window_end);
        """;

    /// <summary>One KPI notice row (stores from before the table get it from <see cref="Create"/> on open).</summary>
    public const string InsertKpiNotice = """
        INSERT INTO kpi_notices (source, series, time, score, value, expected, window_start, window_end)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        """;

    /// <summary>Retention of the KPI notices by count: the oldest beyond ?1.</summary>
    public const string TrimKpiNoticesByCount = "DELETE FROM kpi_notices WHERE notice_id <= (SELECT coalesce(max(notice_id), 0) FROM kpi_notices) - ?1";

    /// <summary>Retention of the KPI notices by age: those whose value is older than ?1 (seconds since 1970).</summary>
    public const string TrimKpiNoticesByAge = "DELETE FROM kpi_notices WHERE window_end < ?1";

    public const string SelectKpiNoticeColumns = "SELECT notice_id, source, series, time, score, value, expected, window_start, window_end FROM kpi_notices";

    /// <summary>Stored measurement events from a start time on (<c>$since</c>, µs), in commit order: what rebuilds the KPI detectors.</summary>
    public const string MeasurementEventsSince = """
        SELECT source, start_us, detail FROM events
        WHERE domain = 'measurement' AND detail IS NOT NULL AND start_us >= $since ORDER BY seq
        """;

    /// <summary>The newest measurement time stored (µs), or 0.</summary>
    public const string LatestMeasurement = "SELECT coalesce(max(start_us), 0) FROM events WHERE domain = 'measurement'";

    /// <summary>Adds <c>alarms.event_seq</c> to a store created before the column existed.</summary>
    public const string HasEventSeq = "SELECT count(*) FROM pragma_table_info('alarms') WHERE name = 'event_seq'";

    /// <summary>See <see cref="HasEventSeq"/>.</summary>
    public const string AddEventSeq = "ALTER TABLE alarms ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0";

    /// <summary>Event sequence number up to which every alarm row holds all its events (meta key).</summary>
    public const string SyncedSeqKey = "alarms_synced_seq";

    /// <summary>One event row; parameters by position (see <see cref="OperationsStore"/>).</summary>
    public const string InsertEvent = """
        INSERT INTO events (seq, event_id, domain, event_name, source, reporting, priority, sequence, start_us, last_us,
                            condition, severity, problem, interface, alarm_id, detail)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        """;

    /// <summary>
    /// Writes an alarm's current state: inserted when new, updated otherwise (a repeat, clear or operator
    /// action only changes these columns). <c>event_seq</c> is the last event folded into the row.
    /// </summary>
    public const string UpsertAlarm = """
        INSERT INTO alarms (alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
                            raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user, event_seq)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT (alarm_id) DO UPDATE SET
            event_name = excluded.event_name, problem = excluded.problem, severity = excluded.severity,
            changed_us = excluded.changed_us, cleared_us = excluded.cleared_us, count = excluded.count,
            acked = excluded.acked, ack_user = excluded.ack_user, ack_us = excluded.ack_us, clear_user = excluded.clear_user,
            event_seq = excluded.event_seq
        """;

    /// <summary>Records how far alarm rows are in step with the events (<see cref="SyncedSeqKey"/>).</summary>
    public const string SetSyncedSeq = "INSERT INTO meta (key, value) VALUES ('alarms_synced_seq', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    /// <summary>Alarm events after a sequence number, oldest first: what recovery folds into stale alarm rows.</summary>
    public const string AlarmEventsAfter = """
        SELECT seq, alarm_id, severity, event_name, problem, last_us FROM events
        WHERE seq > $seq AND alarm_id IS NOT NULL ORDER BY seq
        """;

    public const string SelectAlarmColumns = """
        SELECT alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
               raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user, event_seq FROM alarms
        """;
}
