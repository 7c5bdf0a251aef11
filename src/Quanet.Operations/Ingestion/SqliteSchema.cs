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
            count INTEGER NOT NULL, acked INTEGER NOT NULL DEFAULT 0, ack_user TEXT, ack_us INTEGER, clear_user TEXT);
        CREATE UNIQUE INDEX IF NOT EXISTS alarms_active ON alarms(source, condition, interface) WHERE cleared_us IS NULL;
        CREATE TABLE IF NOT EXISTS incidents (
            incident_id INTEGER PRIMARY KEY, updated_us INTEGER NOT NULL, document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runbook_runs (
            run_id INTEGER PRIMARY KEY, incident_id INTEGER, document TEXT NOT NULL);
        """;

    /// <summary>One event row; parameters by position (see <see cref="OperationsStore"/>).</summary>
    public const string InsertEvent = """
        INSERT INTO events (event_id, domain, event_name, source, reporting, priority, sequence, start_us, last_us,
                            condition, severity, problem, interface, alarm_id, detail)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """;

    /// <summary>
    /// Writes an alarm's state as of the end of a writer transaction: inserted when it was raised in that
    /// transaction, updated otherwise (a repeat, clear or operator action only changes these columns).
    /// </summary>
    public const string UpsertAlarm = """
        INSERT INTO alarms (alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
                            raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
        ON CONFLICT (alarm_id) DO UPDATE SET
            event_name = excluded.event_name, problem = excluded.problem, severity = excluded.severity,
            changed_us = excluded.changed_us, cleared_us = excluded.cleared_us, count = excluded.count,
            acked = excluded.acked, ack_user = excluded.ack_user, ack_us = excluded.ack_us, clear_user = excluded.clear_user
        """;

    public const string SelectAlarmColumns = """
        SELECT alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
               raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user FROM alarms
        """;
}
