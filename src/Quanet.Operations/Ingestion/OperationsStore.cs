using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// The embedded SQLite store (WAL journal): events, alarms, incidents, runbook runs and KPI notices. One writer
/// connection whose statements are prepared once on the raw SQLite handle and bound by position (used
/// only by the ingestion pipeline's writer, inside its transactions), and short-lived reader connections
/// for queries, which WAL lets run beside the writer.
/// </summary>
public sealed partial class OperationsStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteStatement _insertEvent;
    private readonly SqliteStatement _upsertAlarm;
    private readonly SqliteStatement _setSyncedSeq;
    private readonly SqliteStatement _begin;
    private readonly SqliteStatement _commit;
    private readonly SqliteStatement _rollback;
    private byte[] _detail = new byte[256];

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">Database file.</param>
    /// <param name="fullSync">
    /// true: <c>synchronous=FULL</c>, every commit reaches the disk (survives power loss);
    /// false (default): <c>synchronous=NORMAL</c>, which in WAL mode survives a process crash or restart.
    /// </param>
    public OperationsStore(string path, bool fullSync = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        // 16 KiB pages (new stores only): fewer WAL frames and B-tree splits per appended event row; 64 MiB page cache for the alarm index
        Execute($"PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous={(fullSync ? "FULL" : "NORMAL")}; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
        Execute(SqliteSchema.Create);
        if (WriterScalar(SqliteSchema.HasEventSeq) == 0)
        {
            // a store from before deferred alarm updates: its alarm rows already hold all their events
            Execute(SqliteSchema.AddEventSeq);
            Execute(SqliteSchema.SetSyncedSeq.Replace("?1", "(SELECT coalesce(max(seq), 0) FROM events)", StringComparison.Ordinal));
        }

        var db = _writer.Handle!;
        // statements run on the raw handle skip Microsoft.Data.Sqlite's retry loop: let SQLite itself wait
        // (up to 30 s) when incident or runbook documents hold the write lock on their own connections
        raw.sqlite3_busy_timeout(db, 30_000);
        _insertEvent = new SqliteStatement(db, SqliteSchema.InsertEvent);
        _upsertAlarm = new SqliteStatement(db, SqliteSchema.UpsertAlarm);
        _setSyncedSeq = new SqliteStatement(db, SqliteSchema.SetSyncedSeq);
        _begin = new SqliteStatement(db, "BEGIN IMMEDIATE");
        _commit = new SqliteStatement(db, "COMMIT");
        _rollback = new SqliteStatement(db, "ROLLBACK");
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Lists alarms matching <paramref name="query"/>, newest first.</summary>
    public IReadOnlyList<AlarmRecord> ListAlarms(AlarmQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.Active is bool active)
        {
            where.Add(active ? "cleared_us IS NULL" : "cleared_us IS NOT NULL");
        }

        if (query.Acknowledged is bool acked)
        {
            where.Add(acked ? "acked = 1" : "acked = 0");
        }

        if (query.Source is { Length: > 0 } source)
        {
            if (source.EndsWith('/'))
            {
                where.Add("substr(source, 1, length($source)) = $source");
            }
            else
            {
                where.Add("source = $source");
            }

            command.Parameters.AddWithValue("$source", source);
        }

        if (query.MinSeverity is VesSeverity min)
        {
            where.Add("severity >= $severity");
            command.Parameters.AddWithValue("$severity", (int)min);
        }

        if (query.Condition is { Length: > 0 } condition)
        {
            where.Add("condition = $condition");
            command.Parameters.AddWithValue("$condition", condition);
        }

        command.CommandText = SqliteSchema.SelectAlarmColumns
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY alarm_id DESC LIMIT " + Math.Clamp(query.Limit, 1, 100_000).ToString(CultureInfo.InvariantCulture);
        return ReadAlarms(command);
    }

    /// <summary>The alarm with <paramref name="alarmId"/>, or null.</summary>
    public AlarmRecord? FindAlarm(long alarmId)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.SelectAlarmColumns + " WHERE alarm_id = $id";
        command.Parameters.AddWithValue("$id", alarmId);
        var list = ReadAlarms(command);
        return list.Count > 0 ? list[0] : null;
    }

    /// <summary>Number of stored events.</summary>
    public long CountEvents() => Scalar("SELECT count(*) FROM events");

    /// <summary>Number of stored alarms (active and cleared).</summary>
    public long CountAlarms() => Scalar("SELECT count(*) FROM alarms");

    /// <summary>Stores (replaces) an incident document.</summary>
    public void SaveIncident(long incidentId, long updatedMicros, string document) =>
        Upsert("INSERT OR REPLACE INTO incidents (incident_id, updated_us, document) VALUES ($a, $b, $c)", incidentId, updatedMicros, document);

    /// <summary>Stores (replaces) a runbook run document.</summary>
    public void SaveRunbookRun(long runId, long incidentId, string document) =>
        Upsert("INSERT OR REPLACE INTO runbook_runs (run_id, incident_id, document) VALUES ($a, $b, $c)", runId, incidentId, document);

    /// <summary>All stored incident documents, by id.</summary>
    public IReadOnlyList<string> ListIncidentDocuments() => Documents("SELECT document FROM incidents ORDER BY incident_id");

    /// <summary>All stored runbook run documents, by id.</summary>
    public IReadOnlyList<string> ListRunbookRunDocuments() => Documents("SELECT document FROM runbook_runs ORDER BY run_id");

    /// <inheritdoc/>
    public void Dispose()
    {
        _insertEvent.Dispose();
        _upsertAlarm.Dispose();
        _setSyncedSeq.Dispose();
        _insertKpiNotice?.Dispose();
        _trimKpiCount?.Dispose();
        _trimKpiAge?.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _writer.Dispose();
    }

    internal List<AlarmRecord> LoadActiveAlarms()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = SqliteSchema.SelectAlarmColumns + " WHERE cleared_us IS NULL";
        return ReadAlarms(command);
    }

    internal long MaxAlarmId() => WriterScalar("SELECT coalesce(max(alarm_id), 0) FROM alarms");

    internal long MaxEventSeq() => WriterScalar("SELECT coalesce(max(seq), 0) FROM events");

    /// <summary>The event sequence number up to which all alarm rows are known to hold their events.</summary>
    internal long SyncedSeq() => WriterScalar("SELECT coalesce(max(value), 0) FROM meta WHERE key = '" + SqliteSchema.SyncedSeqKey + "'");

    /// <summary>Records (inside the writer's transaction) that alarm rows hold every event up to <paramref name="seq"/>.</summary>
    internal void SetSyncedSeq(long seq)
    {
        _setSyncedSeq.Bind(1, seq);
        _setSyncedSeq.Execute();
    }

    /// <summary>Calls <paramref name="fold"/> for each event after <paramref name="seq"/> that belongs to an alarm, oldest first.</summary>
    internal void ReadAlarmEventsAfter(long seq, Action<StoredAlarmEvent> fold)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = SqliteSchema.AlarmEventsAfter;
        command.Parameters.AddWithValue("$seq", seq);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            fold(new StoredAlarmEvent(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : (VesSeverity)reader.GetInt32(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5)));
        }
    }

    /// <summary>Starts the writer's transaction.</summary>
    internal void Begin() => _begin.Execute();

    /// <summary>Commits the writer's transaction (durable against a process crash once this returns).</summary>
    internal void Commit() => _commit.Execute();

    /// <summary>Rolls back the writer's transaction, if one is open.</summary>
    internal void Rollback()
    {
        if (raw.sqlite3_get_autocommit(_writer.Handle!) == 0)
        {
            _rollback.Execute();
        }
    }

    internal void InsertEvent(long seq, VesEvent e, long? alarmId)
    {
        var s = _insertEvent;
        s.Bind(1, seq);
        s.Bind(2, e.EventId);
        s.Bind(3, e.Domain);
        s.Bind(4, e.EventName);
        s.Bind(5, e.SourceName);
        s.Bind(6, e.ReportingEntityName);
        s.Bind(7, e.Priority);
        s.Bind(8, e.Sequence);
        s.Bind(9, e.StartEpochMicrosec);
        s.Bind(10, e.LastEpochMicrosec);
        s.Bind(11, e.AlarmCondition);
        s.Bind(12, e.Severity is VesSeverity severity ? (int)severity : null);
        s.Bind(13, e.SpecificProblem ?? e.ChangeIdentifier);
        s.Bind(14, e.AlarmInterface.Length > 0 ? e.AlarmInterface : e.ChangeType);
        s.Bind(15, alarmId);
        if (e.Measurements.Count == 0)
        {
            s.BindNull(16);
        }
        else
        {
            s.BindUtf8(16, Detail(e.Measurements));
        }

        s.Execute();
    }

    /// <summary>Writes <paramref name="a"/> as it stands (insert or update by alarm id).</summary>
    internal void WriteAlarm(AlarmRecord a)
    {
        var s = _upsertAlarm;
        s.Bind(1, a.AlarmId);
        s.Bind(2, a.Source);
        s.Bind(3, a.Condition);
        s.Bind(4, a.Interface);
        s.Bind(5, a.Domain);
        s.Bind(6, a.EventName);
        s.Bind(7, a.SpecificProblem);
        s.Bind(8, a.ReportingEntity);
        s.Bind(9, (int)a.Severity);
        s.Bind(10, a.RaisedMicros);
        s.Bind(11, a.ChangedMicros);
        s.Bind(12, a.ClearedMicros);
        s.Bind(13, a.Count);
        s.Bind(14, a.Acknowledged ? 1 : 0);
        s.Bind(15, a.AckUser);
        s.Bind(16, a.AckMicros);
        s.Bind(17, a.ClearUser);
        s.Bind(18, a.EventSeq);
        s.Execute();
    }

    /// <summary>The measurements as <c>group/name=value;...</c> in UTF-8 (round-trip doubles), in a reused buffer.</summary>
    private ReadOnlySpan<byte> Detail(IReadOnlyList<VesMeasurement> measurements)
    {
        var length = 0;
        for (var i = 0; i < measurements.Count; i++)
        {
            var m = measurements[i];
            var need = Encoding.UTF8.GetMaxByteCount(m.Group.Length + m.Name.Length) + 40;
            if (_detail.Length - length < need)
            {
                Array.Resize(ref _detail, Math.Max(_detail.Length * 2, length + need));
            }

            var span = _detail.AsSpan(length);
            var n = 0;
            if (i > 0)
            {
                span[n++] = (byte)';';
            }

            n += Encoding.UTF8.GetBytes(m.Group, span[n..]);
            span[n++] = (byte)'/';
            n += Encoding.UTF8.GetBytes(m.Name, span[n..]);
            span[n++] = (byte)'=';
            m.Value.TryFormat(span[n..], out var written, "R", CultureInfo.InvariantCulture);
            length += n + written;
        }

        return _detail.AsSpan(0, length);
    }

    private static List<AlarmRecord> ReadAlarms(SqliteCommand command)
    {
        var result = new List<AlarmRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new AlarmRecord
            {
                AlarmId = reader.GetInt64(0),
                Source = reader.GetString(1),
                Condition = reader.GetString(2),
                Interface = reader.GetString(3),
                Domain = reader.GetString(4),
                EventName = reader.GetString(5),
                SpecificProblem = reader.GetString(6),
                ReportingEntity = reader.GetString(7),
                Severity = (VesSeverity)reader.GetInt32(8),
                RaisedMicros = reader.GetInt64(9),
                ChangedMicros = reader.GetInt64(10),
                ClearedMicros = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                Count = reader.GetInt32(12),
                Acknowledged = reader.GetInt32(13) != 0,
                AckUser = reader.IsDBNull(14) ? null : reader.GetString(14),
                AckMicros = reader.IsDBNull(15) ? null : reader.GetInt64(15),
                ClearUser = reader.IsDBNull(16) ? null : reader.GetString(16),
                EventSeq = reader.GetInt64(17),
            });
        }

        return result;
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long WriterScalar(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Upsert(string sql, long a, long b, string c)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        command.Parameters.AddWithValue("$c", c);
        command.ExecuteNonQuery();
    }

    private IReadOnlyList<string> Documents(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
