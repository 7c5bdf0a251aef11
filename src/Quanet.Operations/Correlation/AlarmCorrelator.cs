using System.Globalization;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Correlation;

/// <summary>
/// Streaming alarm correlation by topology and time. A new alarm that an open incident's root cause
/// predicts joins that incident. Other new alarms wait for <see cref="CorrelatorOptions.SettleTime"/>
/// (event time) so a storm can arrive; alarms that clear meanwhile are dropped as transients. Then the
/// waiting alarms are explained by a greedy weighted set cover over root-cause hypotheses built from
/// the dependency graph: each round picks the hypothesis whose predicted alarms best match the
/// waiting ones (anchor alarms weigh more, predicted alarms that are not active cost a penalty) and
/// opens an incident with it. Alarms nothing explains become unclassified incidents, one per element.
/// The correlator sees only committed events and alarms, never the simulator's ground truth.
/// </summary>
public sealed class AlarmCorrelator
{
    private readonly HypothesisFactory _factory;
    private readonly NetworkInventory _inventory;
    private readonly CorrelatorOptions _options;
    private readonly Dictionary<long, AlarmRecord> _active = [];
    private readonly Dictionary<string, long> _activeKeys = new(StringComparer.Ordinal);
    private readonly List<AlarmRecord> _pending = [];
    private readonly Dictionary<long, Incident> _incidentOfAlarm = [];
    private readonly Dictionary<long, Hypothesis?> _hypothesisOf = [];
    private readonly List<Incident> _incidents = [];
    private readonly List<AlarmRecord> _notices = [];
    private readonly Dictionary<string, List<(long Micros, string Change)>> _configChanges = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _nextId = 1;
    private long _now;

    /// <summary>Creates a correlator for the network of <paramref name="graph"/>.</summary>
    public AlarmCorrelator(DependencyGraph graph, CorrelatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _factory = new HypothesisFactory(graph);
        _inventory = graph.Inventory;
        _options = options ?? new CorrelatorOptions();
    }

    /// <summary>Raised when an incident is opened (on the caller's thread, under the correlator's lock).</summary>
    public event Action<Incident>? IncidentOpened;

    /// <summary>Raised when all alarms of an incident have cleared.</summary>
    public event Action<Incident>? IncidentResolved;

    /// <summary>Number of alarms dropped as transients (cleared within the settle time).</summary>
    public int SuppressedTransients { get; private set; }

    /// <summary>Unexplained WARNING alarms kept as notices instead of incidents (see <see cref="CorrelatorOptions.WarningsAsNotices"/>).</summary>
    public IReadOnlyList<AlarmRecord> Notices
    {
        get
        {
            lock (_lock)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>A snapshot of all incidents, oldest first.</summary>
    public IReadOnlyList<Incident> Incidents
    {
        get
        {
            lock (_lock)
            {
                return [.. _incidents];
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> under the correlator's lock (serialise incidents safely while alarms stream in).</summary>
    public TResult Read<TResult>(Func<AlarmCorrelator, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(this);
        }
    }

    /// <summary>The incident with <paramref name="id"/>, or null.</summary>
    public Incident? Find(long id)
    {
        lock (_lock)
        {
            return _incidents.Find(i => i.Id == id);
        }
    }

    /// <summary>Feeds a committed batch (events then alarm changes); a subscriber of <see cref="IngestionPipeline"/>.</summary>
    public void OnCommitted(CommittedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            var latest = _now;
            foreach (var e in batch.Events)
            {
                latest = Math.Max(latest, e.LastEpochMicrosec);
                if (e.Domain == "notification" && e.ChangeType == AlarmConditions.ConfigurationChange)
                {
                    if (!_configChanges.TryGetValue(e.SourceName, out var list))
                    {
                        list = [];
                        _configChanges[e.SourceName] = list;
                    }

                    list.Add((e.StartEpochMicrosec, e.ChangeIdentifier ?? e.EventId));
                }
            }

            foreach (var change in batch.Changes)
            {
                // event time moves per alarm, so a replayed file groups exactly as a live stream would
                AdvanceLocked(change.Kind == AlarmChangeKind.Raised ? change.Alarm.RaisedMicros : change.Alarm.ChangedMicros);
                Apply(change);
            }

            AdvanceLocked(latest);
        }
    }

    /// <summary>Moves event time to <paramref name="micros"/>, grouping waiting alarms whose settle time has passed.</summary>
    public void AdvanceTo(long micros)
    {
        lock (_lock)
        {
            AdvanceLocked(micros);
        }
    }

    /// <summary>Groups all waiting alarms now (end of a replay or simulation).</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_pending.Count > 0)
            {
                Resolve(long.MaxValue);
            }
        }
    }

    private void AdvanceLocked(long micros)
    {
        _now = Math.Max(_now, micros);
        var settle = (long)_options.SettleTime.TotalMicroseconds;
        if (_pending.Count > 0 && _now - _pending[0].RaisedMicros >= settle)
        {
            Resolve(_now - settle);
        }
    }

    private void Apply(AlarmChange change)
    {
        var alarm = change.Alarm;
        switch (change.Kind)
        {
            case AlarmChangeKind.Raised:
                _active[alarm.AlarmId] = alarm;
                _activeKeys[KeyOf(alarm)] = alarm.AlarmId;
                if (!TryAttach(alarm))
                {
                    _pending.Add(alarm);
                }

                break;
            case AlarmChangeKind.Cleared:
                _active.Remove(alarm.AlarmId);
                _activeKeys.Remove(KeyOf(alarm));
                if (_incidentOfAlarm.TryGetValue(alarm.AlarmId, out var incident))
                {
                    var entry = incident.Alarms.Find(a => a.AlarmId == alarm.AlarmId);
                    entry?.Cleared = true;
                    incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, alarm.ChangedMicros);
                    if (incident.IsOpen && incident.Alarms.TrueForAll(a => a.Cleared))
                    {
                        incident.ResolvedMicros = alarm.ChangedMicros;
                        IncidentResolved?.Invoke(incident);
                    }
                }
                else
                {
                    var i = _pending.FindIndex(p => p.AlarmId == alarm.AlarmId);
                    if (i >= 0)
                    {
                        _pending[i] = alarm;
                    }
                }

                break;
            default:
                if (_active.ContainsKey(alarm.AlarmId))
                {
                    _active[alarm.AlarmId] = alarm;
                }

                break;
        }
    }

    private bool TryAttach(AlarmRecord alarm)
    {
        var key = KeyOf(alarm);
        for (var i = _incidents.Count - 1; i >= 0; i--)
        {
            var incident = _incidents[i];
            if (!incident.IsOpen)
            {
                continue;
            }

            var h = _hypothesisOf[incident.Id];
            var why = h?.Explain(key)
                ?? (h is null && incident.RootCause == alarm.Source ? $"another alarm on {alarm.Source}, grouped with its open incident" : null);
            if (why is null)
            {
                continue;
            }

            Attach(incident, alarm, why);
            return true;
        }

        return false;
    }

    private void Attach(Incident incident, AlarmRecord alarm, string why)
    {
        incident.Alarms.Add(new IncidentAlarm
        {
            AlarmId = alarm.AlarmId,
            Condition = alarm.Condition,
            Source = alarm.Source,
            Interface = alarm.Interface,
            RaisedMicros = alarm.RaisedMicros,
            Cleared = !alarm.IsActive,
            Explanation = why,
        });
        incident.UpdatedMicros = Math.Max(incident.UpdatedMicros, alarm.ChangedMicros);
        _incidentOfAlarm[alarm.AlarmId] = incident;
    }

    /// <summary>
    /// Groups the waiting alarms. Alarms raised after <paramref name="settledBefore"/> have not had their
    /// settle time yet: they may still clear as transients or be joined by the rest of their storm, so
    /// they only count as supporting evidence for a hypothesis that explains at least one settled
    /// alarm; whatever such a hypothesis does not take keeps waiting (otherwise a link micro-break that
    /// happens to arrive shortly after an unrelated fault's alarms would be ticketed at once).
    /// </summary>
    private void Resolve(long settledBefore)
    {
        var waiting = new List<AlarmRecord>();
        foreach (var alarm in _pending)
        {
            if (alarm.IsActive)
            {
                waiting.Add(alarm);
            }
            else
            {
                SuppressedTransients++;
            }
        }

        _pending.Clear();
        var uncovered = new Dictionary<string, AlarmRecord>(StringComparer.Ordinal);
        foreach (var alarm in waiting)
        {
            uncovered.TryAdd(KeyOf(alarm), alarm);
        }

        var candidates = new Dictionary<string, Hypothesis>(StringComparer.Ordinal);
        foreach (var alarm in uncovered.Values)
        {
            foreach (var h in _factory.Candidates(alarm.Condition, alarm.Source, alarm.Interface))
            {
                candidates.TryAdd(h.Id, h);
            }
        }

        while (uncovered.Count > 0)
        {
            Hypothesis? best = null;
            double bestScore = 0;
            var bestExplained = 0;
            string? bestEvidence = null;
            var scored = new List<(Hypothesis H, double Score)>();
            foreach (var h in candidates.Values)
            {
                var (score, explained, evidence) = Score(h, uncovered);
                if (explained == 0 || !ExplainsSettled(h, uncovered, settledBefore))
                {
                    continue;
                }

                scored.Add((h, score));
                if (score > bestScore
                    || (score == bestScore && best is not null && (explained > bestExplained
                        || (explained == bestExplained && (h.Expected.Count < best.Expected.Count
                            || (h.Expected.Count == best.Expected.Count && string.CompareOrdinal(h.Id, best.Id) < 0))))))
                {
                    best = h;
                    bestScore = score;
                    bestExplained = explained;
                    bestEvidence = evidence;
                }
            }

            if (best is null)
            {
                break;
            }

            var first = long.MaxValue;
            foreach (var (key, alarm) in uncovered)
            {
                if (best.Expected.ContainsKey(key))
                {
                    first = Math.Min(first, alarm.RaisedMicros);
                }
            }

            var incident = Open(best.Type, best.RootCause, best.Summary, bestScore, first);
            _hypothesisOf[incident.Id] = best;
            if (bestEvidence is not null)
            {
                incident.Evidence.Add(bestEvidence);
            }

            foreach (var (h, score) in scored.OrderByDescending(x => x.Score).ThenBy(x => x.H.Id, StringComparer.Ordinal))
            {
                if (h != best && incident.Alternatives.Count < 3)
                {
                    incident.Alternatives.Add(string.Create(CultureInfo.InvariantCulture, $"{h.Summary} (score {score:0.0})"));
                }
            }

            foreach (var key in best.Expected.Keys)
            {
                if (uncovered.Remove(key, out var alarm))
                {
                    Attach(incident, alarm, best.Explain(key)!);
                }
            }

            candidates.Remove(best.Id);
            IncidentOpened?.Invoke(incident);
        }

        foreach (var (key, alarm) in uncovered.ToList())
        {
            if (alarm.RaisedMicros > settledBefore)
            {
                _pending.Add(alarm);
                uncovered.Remove(key);
            }
        }

        _pending.Sort((a, b) => a.RaisedMicros != b.RaisedMicros ? a.RaisedMicros.CompareTo(b.RaisedMicros) : a.AlarmId.CompareTo(b.AlarmId));
        if (_options.WarningsAsNotices)
        {
            foreach (var (key, alarm) in uncovered.ToList())
            {
                if (alarm.Severity <= VesSeverity.Warning)
                {
                    _notices.Add(alarm);
                    uncovered.Remove(key);
                }
            }
        }

        foreach (var group in uncovered.Values.GroupBy(a => a.Source, StringComparer.Ordinal).OrderBy(g => g.Min(a => a.AlarmId)))
        {
            var alarms = group.OrderBy(a => a.AlarmId).ToList();
            var incident = Open(IncidentType.Unclassified, group.Key, $"unclassified alarms on {group.Key}", 0, alarms.Min(a => a.RaisedMicros));
            _hypothesisOf[incident.Id] = null;
            foreach (var alarm in alarms)
            {
                Attach(incident, alarm, $"{alarm.Condition} on {alarm.Source}: no known fault pattern explains it");
            }

            IncidentOpened?.Invoke(incident);
        }
    }

    private static bool ExplainsSettled(Hypothesis h, Dictionary<string, AlarmRecord> uncovered, long settledBefore)
    {
        foreach (var key in h.Expected.Keys)
        {
            if (uncovered.TryGetValue(key, out var alarm) && alarm.RaisedMicros <= settledBefore)
            {
                return true;
            }
        }

        return false;
    }

    private (double Score, int Explained, string? Evidence) Score(Hypothesis h, Dictionary<string, AlarmRecord> uncovered)
    {
        double score = 0;
        var explained = 0;
        var missing = 0;
        var explainsNonAnchor = false;
        foreach (var key in h.Expected.Keys)
        {
            if (uncovered.ContainsKey(key))
            {
                explained++;
                var anchor = h.IsAnchor(key);
                explainsNonAnchor |= !anchor;
                score += anchor ? _options.AnchorWeight : 1;
            }
            else if (!_activeKeys.ContainsKey(key))
            {
                missing++;
            }
        }

        // a hypothesis seen only through its anchors is an early stage (mains failure before the
        // battery runs out, one end of a ring link): what it predicts later is not missing yet
        if (!explainsNonAnchor)
        {
            missing = 0;
        }

        string? evidence = null;
        if (h.Type == IncidentType.Misconfiguration)
        {
            var change = RecentChange(h.RootCause);
            if (change is null)
            {
                return (0, 0, null);
            }

            // a DU-wide change explains several cells; the bonus scales with the share of its cells affected
            score += _options.AnchorWeight * explained / Math.Max(1, h.Expected.Count);
            evidence = change;
        }

        return (score - (_options.MissingPenalty * missing), explained, evidence);
    }

    private string? RecentChange(string source)
    {
        if (!_configChanges.TryGetValue(source, out var list))
        {
            return null;
        }

        var from = _now - (long)_options.ConfigChangeLookback.TotalMicroseconds - (long)_options.SettleTime.TotalMicroseconds;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Micros >= from && list[i].Micros <= _now)
            {
                var minutes = (_now - list[i].Micros) / 60_000_000.0;
                return string.Create(CultureInfo.InvariantCulture, $"configuration change {list[i].Change} on {source} {minutes:0} min before grouping");
            }
        }

        return null;
    }

    private Incident Open(IncidentType type, string rootCause, string summary, double score, long firstAlarm)
    {
        var incident = new Incident
        {
            Id = _nextId++,
            Type = type,
            RootCause = rootCause,
            Summary = summary,
            OpenedMicros = _now,
            FirstAlarmMicros = firstAlarm == long.MaxValue ? _now : firstAlarm,
            UpdatedMicros = _now,
            Score = Math.Round(score, 3),
        };
        _incidents.Add(incident);
        return incident;
    }

    private static string KeyOf(AlarmRecord alarm) => AlarmConditions.Key(alarm.Condition, alarm.Source, alarm.Interface);

    /// <summary>The inventory the correlator reasons over.</summary>
    public NetworkInventory Inventory => _inventory;
}
