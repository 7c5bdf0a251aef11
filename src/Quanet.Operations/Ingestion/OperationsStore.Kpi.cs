using System.Globalization;
using Microsoft.Data.Sqlite;
using Quanet.Operations.Kpi;

namespace Quanet.Operations.Ingestion;

// The KPI notices: written by the writer inside the transaction of the events that caused them, read by queries.
public sealed partial class OperationsStore
{
    private SqliteStatement? _insertKpiNotice;
    private SqliteStatement? _trimKpiCount;
    private SqliteStatement? _trimKpiAge;

    /// <summary>The newest stored KPI notices, newest first, optionally of one source only.</summary>
    /// <param name="source">The network element (<see cref="KpiNotice.Source"/>), or null for all.</param>
    /// <param name="limit">At most this many.</param>
    public IReadOnlyList<KpiNotice> ListKpiNotices(string? source, int limit)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.SelectKpiNoticeColumns + (source is null ? "" : " WHERE source = $source")
            + " ORDER BY notice_id DESC LIMIT " + Math.Clamp(limit, 1, 100_000).ToString(CultureInfo.InvariantCulture);
        if (source is not null)
        {
            command.Parameters.AddWithValue("$source", source);
        }

        var result = new List<KpiNotice>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new KpiNotice
            {
                Source = reader.GetString(1),
                Series = reader.GetString(2),
                Time = reader.GetString(3),
                Score = reader.GetDouble(4),
                Value = reader.GetDouble(5),
                Expected = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                WindowStart = reader.GetInt64(7),
                WindowEnd = reader.GetInt64(8),
            });
        }

        return result;
    }

    /// <summary>Number of stored KPI notices.</summary>
    public long CountKpiNotices() => Scalar("SELECT count(*) FROM kpi_notices");

    /// <summary>Writes <paramref name="notice"/> (inside the writer's transaction).</summary>
    internal void InsertKpiNotice(KpiNotice notice)
    {
        var s = _insertKpiNotice ??= new SqliteStatement(_writer.Handle!, SqliteSchema.InsertKpiNotice);
        s.Bind(1, notice.Source);
        s.Bind(2, notice.Series);
        s.Bind(3, notice.Time);
        s.Bind(4, notice.Score);
        s.Bind(5, notice.Value);
        if (notice.Expected is double expected)
        {
            s.Bind(6, expected);
        }
        else
        {
            s.BindNull(6);
        }

        s.Bind(7, notice.WindowStart);
        s.Bind(8, notice.WindowEnd);
        s.Execute();
    }

    /// <summary>Keeps the newest <paramref name="keep"/> notices that end at or after <paramref name="endsFrom"/> (inside the writer's transaction).</summary>
    internal void TrimKpiNotices(int keep, long endsFrom)
    {
        var count = _trimKpiCount ??= new SqliteStatement(_writer.Handle!, SqliteSchema.TrimKpiNoticesByCount);
        count.Bind(1, (long)keep);
        count.Execute();
        var age = _trimKpiAge ??= new SqliteStatement(_writer.Handle!, SqliteSchema.TrimKpiNoticesByAge);
        age.Bind(1, endsFrom);
        age.Execute();
    }

    /// <summary>The newest measurement time stored, microseconds since 1970 (0 when there is none).</summary>
    internal long LatestMeasurementMicros() => WriterScalar(SqliteSchema.LatestMeasurement);

    /// <summary>
    /// Calls <paramref name="fold"/> with each stored measurement event that started at or after <paramref name="sinceMicros"/>,
    /// in commit order, rebuilt from its row: source, start time and the measurements of its <c>detail</c> column.
    /// </summary>
    internal void ReadMeasurementEvents(long sinceMicros, Action<VesEvent> fold)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = SqliteSchema.MeasurementEventsSince;
        command.Parameters.AddWithValue("$since", sinceMicros);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var start = reader.GetInt64(1);
            fold(new VesEvent
            {
                Domain = "measurement",
                EventId = "",
                EventName = "",
                SourceName = reader.GetString(0),
                ReportingEntityName = "",
                Priority = "",
                StartEpochMicrosec = start,
                LastEpochMicrosec = start,
                Version = "",
                VesEventListenerVersion = "",
                Measurements = ParseDetail(reader.GetString(2)),
            });
        }
    }

    /// <summary>
    /// The measurements of a <c>detail</c> column (<c>group/name=value;...</c>, see <see cref="Detail"/>): the group is
    /// up to the first '/', the value after the last '='. A name holding ';' cannot be told apart and is skipped.
    /// </summary>
    private static List<VesMeasurement> ParseDetail(string detail)
    {
        var list = new List<VesMeasurement>();
        foreach (var item in detail.Split(';'))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var equals = item.LastIndexOf('=');
            if (slash >= 0 && equals > slash
                && double.TryParse(item.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                list.Add(new VesMeasurement(item[..slash], item[(slash + 1)..equals], value));
            }
        }

        return list;
    }
}
