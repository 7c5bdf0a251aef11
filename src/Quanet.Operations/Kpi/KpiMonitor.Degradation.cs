namespace Quanet.Operations.Kpi;

// Per series and per element: the runs of anomalous and normal values that start and end a degradation.
public sealed partial class KpiMonitor
{
    private void Found(KpiAnomaly anomaly)
    {
        if (_replaying)
        {
            return;
        }

        var notice = KpiNotice.From(_source, anomaly);
        _pending.Add(notice);
        _element.Recent.Enqueue(notice);
        if (_element.Recent.Count > _options.EvidencePerElement)
        {
            _element.Recent.Dequeue();
        }
    }

    private void Scored(string series, double score)
    {
        if (!_runs.TryGetValue(series, out var run))
        {
            run = new SeriesRun();
            _runs[series] = run;
        }

        if (score >= _options.Threshold)
        {
            run.Anomalous++;
            run.Normal = 0;
            _eventSeries.Add(series);
            if (_element.Degraded)
            {
                _element.Series.Add(series);
            }
            else if (run.Anomalous >= _options.DegradedRun)
            {
                Start(_element, $"{series}: {run.Anomalous} consecutive anomalous values");
            }
        }
        else
        {
            run.Normal++;
            run.Anomalous = 0;
        }
    }

    private void Start(ElementState element, string reason)
    {
        element.Degraded = true;
        foreach (var series in _eventSeries)
        {
            element.Series.Add(series);
        }

        Report(new KpiDegradationChange(_source, true, _micros, reason, [.. element.Recent]));
    }

    private bool Recovered(ElementState element)
    {
        foreach (var series in element.Series)
        {
            if (_runs[series].Normal < _options.DegradedRun)
            {
                return false;
            }
        }

        return true;
    }

    private void Report(KpiDegradationChange change)
    {
        if (!_replaying)
        {
            _pendingChanges.Add(change);
        }
    }

    private sealed class SeriesRun
    {
        public int Anomalous { get; set; }

        public int Normal { get; set; }
    }

    private sealed class ElementState
    {
        public bool Degraded { get; set; }

        public HashSet<string> Series { get; } = new(StringComparer.Ordinal);

        public Queue<KpiNotice> Recent { get; } = new();
    }
}
