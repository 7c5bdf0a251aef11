using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// The embedded SQLite store (WAL journal): events, alarms, incidents and runbook runs. One writer
/// connection with prepared statements (used only by the ingestion pipeline's writer), and short-lived
/// reader connections for queries, which WAL lets run beside the writer.
/// </summary>
public sealed class OperationsStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertAlarm;
    private readonly SqliteCommand _updateAlarm;
    private readonly SqliteParameter[] _eventParameters;
    private readonly SqliteParameter[] _alarmInsertParameters;
    private readonly SqliteParameter[] _alarmUpdateParameters;
    private readonly StringBuilder _detail = new();

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
        Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={(fullSync ? "FULL" : "NORMAL")}; PRAGMA temp_store=MEMORY;");
        Execute(SqliteSchema.Create);
        (_insertEvent, _eventParameters) = Prepare(SqliteSchema.InsertEvent,
            "$event_id", "$domain", "$event_name", "$source", "$reporting", "$priority", "$sequence", "$start_us", "$last_us",
            "$condition", "$severity", "$problem", "$interface", "$alarm_id", "$detail");
        (_insertAlarm, _alarmInsertParameters) = Prepare(SqliteSchema.InsertAlarm,
            "$alarm_id", "$source", "$condition", "$interface", "$domain", "$event_name", "$problem", "$reporting", "$severity",
            "$raised_us", "$changed_us");
        (_updateAlarm, _alarmUpdateParameters) = Prepare(SqliteSchema.UpdateAlarm,
            "$event_name", "$problem", "$severity", "$changed_us", "$cleared_us", "$count", "$acked", "$ack_user", "$ack_us",
            "$clear_user", "$alarm_id");
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
        _insertAlarm.Dispose();
        _updateAlarm.Dispose();
        _writer.Dispose();
    }

    internal List<AlarmRecord> LoadActiveAlarms()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = SqliteSchema.SelectAlarmColumns + " WHERE cleared_us IS NULL";
        return ReadAlarms(command);
    }

    internal long MaxAlarmId() => Scalar("SELECT coalesce(max(alarm_id), 0) FROM alarms");

    internal SqliteTransaction BeginTransaction() => _writer.BeginTransaction();

    internal void InsertEvent(SqliteTransaction transaction, VesEvent e, long? alarmId)
    {
        var p = _eventParameters;
        _insertEvent.Transaction = transaction;
        p[0].Value = e.EventId;
        p[1].Value = e.Domain;
        p[2].Value = e.EventName;
        p[3].Value = e.SourceName;
        p[4].Value = e.ReportingEntityName;
        p[5].Value = e.Priority;
        p[6].Value = e.Sequence;
        p[7].Value = e.StartEpochMicrosec;
        p[8].Value = e.LastEpochMicrosec;
        p[9].Value = (object?)e.AlarmCondition ?? DBNull.Value;
        p[10].Value = e.Severity is VesSeverity s ? (int)s : DBNull.Value;
        p[11].Value = (object?)e.SpecificProblem ?? (object?)e.ChangeIdentifier ?? DBNull.Value;
        p[12].Value = e.AlarmInterface.Length > 0 ? e.AlarmInterface : (object?)e.ChangeType ?? DBNull.Value;
        p[13].Value = alarmId is long id ? id : DBNull.Value;
        p[14].Value = Detail(e);
        _insertEvent.ExecuteNonQuery();
    }

    internal void InsertAlarm(SqliteTransaction transaction, AlarmRecord a)
    {
        var p = _alarmInsertParameters;
        _insertAlarm.Transaction = transaction;
        p[0].Value = a.AlarmId;
        p[1].Value = a.Source;
        p[2].Value = a.Condition;
        p[3].Value = a.Interface;
        p[4].Value = a.Domain;
        p[5].Value = a.EventName;
        p[6].Value = a.SpecificProblem;
        p[7].Value = a.ReportingEntity;
        p[8].Value = (int)a.Severity;
        p[9].Value = a.RaisedMicros;
        p[10].Value = a.ChangedMicros;
        _insertAlarm.ExecuteNonQuery();
    }

    internal void UpdateAlarm(SqliteTransaction transaction, AlarmRecord a)
    {
        var p = _alarmUpdateParameters;
        _updateAlarm.Transaction = transaction;
        p[0].Value = a.EventName;
        p[1].Value = a.SpecificProblem;
        p[2].Value = (int)a.Severity;
        p[3].Value = a.ChangedMicros;
        p[4].Value = a.ClearedMicros is long c ? c : DBNull.Value;
        p[5].Value = a.Count;
        p[6].Value = a.Acknowledged ? 1 : 0;
        p[7].Value = (object?)a.AckUser ?? DBNull.Value;
        p[8].Value = a.AckMicros is long t ? t : DBNull.Value;
        p[9].Value = (object?)a.ClearUser ?? DBNull.Value;
        p[10].Value = a.AlarmId;
        _updateAlarm.ExecuteNonQuery();
    }

    private object Detail(VesEvent e)
    {
        if (e.Measurements.Count == 0)
        {
            return DBNull.Value;
        }

        _detail.Clear();
        foreach (var m in e.Measurements)
        {
            if (_detail.Length > 0)
            {
                _detail.Append(';');
            }

            _detail.Append(m.Group).Append('/').Append(m.Name).Append('=').Append(m.Value.ToString("R", CultureInfo.InvariantCulture));
        }

        return _detail.ToString();
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
            });
        }

        return result;
    }

    private (SqliteCommand Command, SqliteParameter[] Parameters) Prepare(string sql, params string[] names)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = names[i];
            parameters[i].Value = DBNull.Value;
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        return (command, parameters);
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
