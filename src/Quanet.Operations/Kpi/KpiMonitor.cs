using Quanet.Core;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Kpi;

/// <summary>
/// The KPI detection of <c>quanet ops detect</c> behind the operations engine: every committed VES
/// measurement event feeds one detector per series (<c>sourceName/name/key</c>), and each anomaly becomes
/// a notice carrying its KPI evidence (value, expected value, score, window). A value that is not after
/// its series' previous one is skipped (events from several collectors may arrive out of order).
/// </summary>
public sealed class KpiMonitor
{
    private readonly Lock _lock = new();
    private readonly Queue<KpiAnomaly> _notices = new();
    private readonly int _capacity;
    private readonly KpiSeriesTable _table;
    private readonly KpiVesReader _reader = new("engine");

    /// <summary>Creates a monitor with detector <paramref name="detector"/> and report threshold <paramref name="threshold"/>.</summary>
    /// <param name="detector">One of <see cref="KpiDetectors.Names"/>.</param>
    /// <param name="threshold">Scores at or above it are notices.</param>
    /// <param name="capacity">Notices kept, the oldest dropped first.</param>
    /// <exception cref="ArgumentException">Unknown detector.</exception>
    public KpiMonitor(string detector = KpiDetectors.Default, double threshold = 0.5, int capacity = 10_000)
    {
        if (!KpiDetectors.Names.Contains(detector))
        {
            throw new ArgumentException($"unknown detector '{detector}'", nameof(detector));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _table = new KpiSeriesTable("engine", new KpiDetectionRequest { Detector = detector, Threshold = threshold }, Keep);
    }

    /// <summary>The notices so far (at most the capacity), oldest first.</summary>
    public IReadOnlyList<KpiAnomaly> Notices
    {
        get
        {
            lock (_lock)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>Values skipped because they were not after their series' previous value.</summary>
    public long Skipped { get; private set; }

    /// <summary>The pipeline subscriber: scores the measurement events of <paramref name="batch"/>.</summary>
    public void OnCommitted(CommittedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            foreach (var e in batch.Events)
            {
                try
                {
                    _reader.Feed(e, _table, 0);
                }
                catch (InputFormatException)
                {
                    Skipped++;
                }
            }
        }
    }

    private void Keep(KpiAnomaly anomaly)
    {
        if (_notices.Count == _capacity)
        {
            _notices.Dequeue();
        }

        _notices.Enqueue(anomaly);
    }
}
