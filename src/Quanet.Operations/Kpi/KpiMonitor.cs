using Quanet.Core;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Kpi;

/// <summary>
/// The KPI detection of <c>quanet ops detect</c> behind the operations engine. Every measurement event of an
/// ingestion transaction feeds one detector per series (<c>sourceName/group/name</c>) before the transaction commits,
/// and each anomaly is written as a <see cref="KpiNotice"/> in that same transaction: a notice is stored exactly when
/// the event that caused it is (a kill -9 loses or doubles neither). It also follows, per element, when its KPIs
/// become degraded and recover (<see cref="KpiNoticeOptions.DegradedRun"/>, <see cref="KpiNoticeOptions.DegradedKpis"/>).
/// A value that is not after its series' previous one is skipped (events from several collectors may arrive out of order).
/// </summary>
/// <remarks>
/// Restart: <see cref="Rebuild"/> replays the stored measurement events of the last
/// <see cref="KpiNoticeOptions.ReplayWindow"/> through fresh detectors, storing and reporting nothing, so the
/// detectors and degradation states continue from where the stored events left them. The same rebuild follows a
/// rolled-back transaction, whose values the detectors had already consumed.
/// </remarks>
public sealed partial class KpiMonitor : ICommitParticipant
{
    private readonly KpiNoticeOptions _options;
    private readonly KpiVesReader _reader = new("engine");
    private readonly List<KpiNotice> _pending = [];
    private readonly List<KpiDegradationChange> _pendingChanges = [];
    private readonly List<string> _eventSeries = [];
    private KpiSeriesTable _table = null!;
    private Dictionary<string, SeriesRun> _runs = null!;
    private Dictionary<string, ElementState> _elements = null!;
    private ElementState _element = null!;
    private string _source = "";
    private long _micros;
    private bool _replaying;

    /// <summary>Creates a monitor with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">The options are not valid (<see cref="KpiNoticeOptions.Problems"/>).</exception>
    public KpiMonitor(KpiNoticeOptions? options = null)
    {
        _options = options ?? new KpiNoticeOptions();
        var problems = _options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        Reset();
    }

    /// <summary>The options.</summary>
    public KpiNoticeOptions Options => _options;

    /// <summary>Values skipped because they were not after their series' previous value.</summary>
    public long Skipped { get; private set; }

    /// <summary>Measurement events replayed by the last <see cref="Rebuild"/>.</summary>
    public long Replayed { get; private set; }

    /// <summary>Series with a detector.</summary>
    public int Series => _table.Count;

    /// <summary>Starts over from the stored measurement events of the last <see cref="KpiNoticeOptions.ReplayWindow"/> (writer thread, no open transaction).</summary>
    internal void Rebuild(OperationsStore store)
    {
        Reset();
        Replayed = 0;
        if (_options.ReplayWindow <= TimeSpan.Zero)
        {
            return;
        }

        var latest = store.LatestMeasurementMicros();
        if (latest == 0)
        {
            return;
        }

        _replaying = true;
        try
        {
            store.ReadMeasurementEvents(latest - (long)_options.ReplayWindow.TotalMicroseconds, e =>
            {
                Replayed++;
                Score(e);
            });
        }
        finally
        {
            _replaying = false;
            _pending.Clear();
            _pendingChanges.Clear();
        }
    }

    /// <summary>The notices and degradation changes of the last committed transaction, then forgets them (writer thread, after the commit).</summary>
    internal (IReadOnlyList<KpiNotice> Notices, IReadOnlyList<KpiDegradationChange> Changes) TakeCommitted()
    {
        if (_pending.Count == 0 && _pendingChanges.Count == 0)
        {
            return ([], []);
        }

        var taken = ((IReadOnlyList<KpiNotice>)[.. _pending], (IReadOnlyList<KpiDegradationChange>)[.. _pendingChanges]);
        _pending.Clear();
        _pendingChanges.Clear();
        return taken;
    }

    void ICommitParticipant.Write(IReadOnlyList<VesEvent> events, OperationsStore store)
    {
        _pending.Clear();
        _pendingChanges.Clear();
        long newest = long.MinValue;
        foreach (var e in events)
        {
            if (e.Domain == "measurement")
            {
                Score(e);
            }
        }

        foreach (var notice in _pending)
        {
            store.InsertKpiNotice(notice);
            newest = Math.Max(newest, notice.WindowEnd);
        }

        if (_pending.Count > 0)
        {
            store.TrimKpiNotices(_options.RetainCount, newest - (long)_options.RetainAge.TotalSeconds);
        }
    }

    void ICommitParticipant.RolledBack(OperationsStore store) => Rebuild(store);

    private void Reset()
    {
        _table = new KpiSeriesTable("engine", new KpiDetectionRequest { Detector = _options.Detector, Threshold = _options.Threshold }, Found, Scored);
        _runs = new Dictionary<string, SeriesRun>(StringComparer.Ordinal);
        _elements = new Dictionary<string, ElementState>(StringComparer.Ordinal);
    }

    /// <summary>Scores the values of one measurement event, then applies the element's degradation rules.</summary>
    private void Score(VesEvent e)
    {
        _source = e.SourceName;
        _micros = e.StartEpochMicrosec;
        if (!_elements.TryGetValue(_source, out var element))
        {
            element = new ElementState();
            _elements[_source] = element;
        }

        _element = element;
        _eventSeries.Clear();
        try
        {
            _reader.Feed(e, _table, 0);
        }
        catch (InputFormatException)
        {
            Skipped++;
        }

        if (!element.Degraded && _eventSeries.Count >= _options.DegradedKpis)
        {
            Start(element, $"{_eventSeries.Count} KPIs anomalous in one measurement event");
        }
        else if (element.Degraded && Recovered(element))
        {
            element.Degraded = false;
            element.Series.Clear();
            Report(new KpiDegradationChange(_source, false, _micros, $"every degraded KPI back to normal for {_options.DegradedRun} values", []));
        }
    }
}
