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

    public const string InsertEvent = """
        INSERT INTO events (event_id, domain, event_name, source, reporting, priority, sequence, start_us, last_us,
                            condition, severity, problem, interface, alarm_id, detail)
        VALUES ($event_id, $domain, $event_name, $source, $reporting, $priority, $sequence, $start_us, $last_us,
                $condition, $severity, $problem, $interface, $alarm_id, $detail)
        """;

    public const string InsertAlarm = """
        INSERT INTO alarms (alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
                            raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user)
        VALUES ($alarm_id, $source, $condition, $interface, $domain, $event_name, $problem, $reporting, $severity,
                $raised_us, $changed_us, NULL, 1, 0, NULL, NULL, NULL)
        """;

    public const string UpdateAlarm = """
        UPDATE alarms SET event_name = $event_name, problem = $problem, severity = $severity, changed_us = $changed_us,
                          cleared_us = $cleared_us, count = $count, acked = $acked, ack_user = $ack_user, ack_us = $ack_us,
                          clear_user = $clear_user
        WHERE alarm_id = $alarm_id
        """;

    public const string SelectAlarmColumns = """
        SELECT alarm_id, source, condition, interface, domain, event_name, problem, reporting, severity,
               raised_us, changed_us, cleared_us, count, acked, ack_user, ack_us, clear_user FROM alarms
        """;
}
