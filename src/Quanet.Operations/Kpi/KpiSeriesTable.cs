using System.Text;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Kpi;

/// <summary>
/// One detector state per series key, looked up from the reader's characters without allocating
/// (a key's string is made once, when the series first appears); scores each sample and hands the
/// anomalies on.
/// </summary>
internal sealed class KpiSeriesTable : IKpiSampleSink
{
    private readonly Dictionary<string, Entry> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string _fileName;
    private readonly KpiDetectionRequest _request;
    private readonly Action<KpiAnomaly> _found;
    private readonly Action<string, double>? _scored;

    /// <param name="fileName">Names the input in errors.</param>
    /// <param name="request">Detector, threshold and limits.</param>
    /// <param name="found">Receives each anomaly.</param>
    /// <param name="scored">Receives every sample's series key and score, after <paramref name="found"/> (optional).</param>
    public KpiSeriesTable(string fileName, KpiDetectionRequest request, Action<KpiAnomaly> found, Action<string, double>? scored = null)
    {
        _fileName = fileName;
        _request = request;
        _found = found;
        _scored = scored;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Samples scored.</summary>
    public long Rows { get; private set; }

    /// <summary>Anomalies written.</summary>
    public long Anomalies { get; private set; }

    /// <summary>Distinct series.</summary>
    public int Count => _series.Count;

    /// <summary>Mean detector state per series in bytes.</summary>
    public double StateBytesPerSeries()
    {
        long total = 0;
        foreach (var entry in _series.Values)
        {
            total += entry.Detector.StateBytes;
        }

        return _series.Count == 0 ? 0 : total / (double)_series.Count;
    }

    /// <inheritdoc />
    public void Sample(ReadOnlySpan<char> series, long instant, long wall, ReadOnlySpan<byte> timeText, double value, int line)
    {
        if (!_lookup.TryGetValue(series, out var entry))
        {
            _request.Limits.RequireVariables(_series.Count + 1L, _fileName, line, "series");
            entry = new Entry(KpiDetectors.Create(_request.Detector), series.ToString());
            _series[entry.Key] = entry;
        }
        else if (instant <= entry.LastInstant)
        {
            throw new InputFormatException(_fileName, line,
                $"time '{Printable.Escape(Encoding.UTF8.GetString(timeText))}' of series '{Printable.Escape(series.ToString())}' is not after the series' previous time; each series must be in time order");
        }

        entry.LastInstant = instant;
        Rows++;
        var score = entry.Detector.Update(wall, value);
        if (score >= _request.Threshold)
        {
            Anomalies++;
            _found(new KpiAnomaly(entry.Key, Encoding.UTF8.GetString(timeText), score, value, entry.Detector.Expected, entry.Detector.WindowStart, wall));
        }

        _scored?.Invoke(entry.Key, score);
    }

    private sealed class Entry(IKpiDetector detector, string key)
    {
        public IKpiDetector Detector { get; } = detector;

        public string Key { get; } = key;

        public long LastInstant { get; set; } = long.MinValue;
    }
}
