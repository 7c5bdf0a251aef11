using Quanet.Operations.Kpi;

namespace Quanet.Operations.Correlation;

// KPI notices: evidence for the incidents of their elements, and incidents of their own for degradations without alarms.
public sealed partial class AlarmCorrelator
{
    private const int RecentPerElement = 64;
    private readonly Dictionary<string, List<KpiNotice>> _recentKpi = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _elementsOf = [];
    private readonly HashSet<long> _kpiOnly = [];

    /// <summary>
    /// Feeds the KPI notices and degradation changes of a committed batch (after <see cref="OnCommitted"/> saw its
    /// events). A notice joins every open incident whose root cause, alarmed elements or predicted neighbourhood
    /// (the elements its root cause is expected to affect: a DU's cells, a site's elements, those beyond a cut link)
    /// include the notice's element, when the value is at most <see cref="CorrelatorOptions.KpiEvidenceLookback"/>
    /// older than the incident's first alarm. A degradation of an element no open incident covers opens a
    /// <see cref="IncidentType.KpiDegradation"/> incident with that element as root cause; its recovery resolves that
    /// incident once no alarm of it is active.
    /// </summary>
    public void OnKpi(IReadOnlyList<KpiNotice> notices, IReadOnlyList<KpiDegradationChange> changes)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(changes);
        if (notices.Count == 0 && changes.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var notice in notices)
            {
                Remember(notice);
                foreach (var incident in _incidents)
                {
                    if (incident.IsOpen && InWindow(incident, notice) && Covers(incident, notice.Source))
                    {
                        AddKpiEvidence(incident, notice);
                    }
                }
            }

            foreach (var change in changes)
            {
                if (change.Started)
                {
                    OpenKpiDegradation(change);
                }
                else
                {
                    EndKpiDegradation(change);
                }
            }

            Changed();
        }
    }

    /// <summary>Gives a just-opened incident the remembered notices of its elements (under the lock).</summary>
    private void AttachRecentKpi(Incident incident)
    {
        foreach (var (source, list) in _recentKpi)
        {
            if (!Covers(incident, source))
            {
                continue;
            }

            foreach (var notice in list)
            {
                if (InWindow(incident, notice))
                {
                    AddKpiEvidence(incident, notice);
                }
            }
        }

        incident.KpiEvidence.Sort((a, b) => a.WindowEnd.CompareTo(b.WindowEnd));
    }

    private void OpenKpiDegradation(KpiDegradationChange change)
    {
        foreach (var open in _incidents)
        {
            if (open.IsOpen && Covers(open, change.Source))
            {
                return; // its notices are that incident's evidence already
            }
        }

        var first = change.Micros;
        foreach (var notice in change.Evidence)
        {
            first = Math.Min(first, notice.Micros);
        }

        var incident = Open(IncidentType.KpiDegradation, change.Source, $"KPI degradation on {change.Source} without alarms", 0, first);
        _kpiOnly.Add(incident.Id);
        _hypothesisOf[incident.Id] = _inventory.FindElement(change.Source) is null ? null : _factory.KpiDegradation(change.Source);
        incident.Evidence.Add($"KPI anomalies, no alarm: {change.Reason}");
        foreach (var notice in change.Evidence)
        {
            AddKpiEvidence(incident, notice);
        }

        // notices of the same batch that came after the ones that tripped the rule were seen before the incident existed
        AttachRecentKpi(incident);
        IncidentOpened?.Invoke(incident);
    }

    private void EndKpiDegradation(KpiDegradationChange change)
    {
        foreach (var incident in _incidents)
        {
            if (incident.IsOpen && _kpiOnly.Contains(incident.Id) && incident.RootCause == change.Source && incident.Alarms.TrueForAll(a => a.Cleared))
            {
                incident.Evidence.Add($"KPIs recovered: {change.Reason}");
                incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, change.Micros);
                incident.ResolvedMicros = Math.Max(incident.UpdatedMicros, change.Micros);
                IncidentResolved?.Invoke(incident);
            }
        }
    }

    private bool InWindow(Incident incident, KpiNotice notice) =>
        notice.Micros >= incident.FirstAlarmMicros - (long)_options.KpiEvidenceLookback.TotalMicroseconds;

    private void AddKpiEvidence(Incident incident, KpiNotice notice)
    {
        if (incident.KpiEvidence.Count >= _options.KpiEvidenceLimit
            || incident.KpiEvidence.Exists(n => n.WindowEnd == notice.WindowEnd && n.Series == notice.Series))
        {
            return;
        }

        incident.KpiEvidence.Add(notice);
        incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, _now);
    }

    private void Remember(KpiNotice notice)
    {
        if (!_recentKpi.TryGetValue(notice.Source, out var list))
        {
            list = [];
            _recentKpi[notice.Source] = list;
        }

        list.Add(notice);
        var oldest = notice.Micros - (long)_options.KpiEvidenceLookback.TotalMicroseconds - (long)_options.SettleTime.TotalMicroseconds;
        list.RemoveAll(n => n.Micros < oldest);
        if (list.Count > RecentPerElement)
        {
            list.RemoveRange(0, list.Count - RecentPerElement);
        }
    }

    /// <summary>Whether <paramref name="source"/> is the incident's root cause, one of its alarmed elements or in its predicted neighbourhood.</summary>
    private bool Covers(Incident incident, string source)
    {
        if (incident.RootCause == source || incident.Alarms.Exists(a => a.Source == source))
        {
            return true;
        }

        if (!_elementsOf.TryGetValue(incident.Id, out var elements))
        {
            elements = new HashSet<string>(StringComparer.Ordinal);
            if (_hypothesisOf.GetValueOrDefault(incident.Id) is { } h)
            {
                foreach (var key in h.Expected.Keys)
                {
                    var parts = key.Split('|');
                    if (parts.Length > 1)
                    {
                        elements.Add(parts[1]);
                    }
                }
            }

            foreach (var served in _inventory.ServedBy(incident.RootCause))
            {
                elements.Add(served.Id);
            }

            foreach (var hosted in _inventory.ElementsAt(incident.RootCause))
            {
                elements.Add(hosted.Id);
            }

            _elementsOf[incident.Id] = elements;
        }

        return elements.Contains(source);
    }
}
