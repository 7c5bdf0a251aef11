using System.Globalization;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Correlation;

// Grouping the waiting alarms: greedy weighted set cover over the root-cause hypotheses, then unclassified incidents.
public sealed partial class AlarmCorrelator
{
    /// <summary>
    /// Groups the waiting alarms. Alarms raised after <paramref name="settledBefore"/> have not had their
    /// settle time yet: they may still clear as transients or be joined by the rest of their storm, so
    /// they only count as supporting evidence for a hypothesis that explains at least one settled
    /// alarm; whatever such a hypothesis does not take keeps waiting (otherwise a link micro-break that
    /// happens to arrive shortly after an unrelated fault's alarms would be ticketed at once).
    /// </summary>
    private void Resolve(long settledBefore)
    {
        var uncovered = TakeWaiting();
        var candidates = CandidatesFor(uncovered);
        while (uncovered.Count > 0 && PickBest(candidates, uncovered, settledBefore, out var best, out var scored))
        {
            OpenFor(best, scored, uncovered);
            candidates.Remove(best.Hypothesis.Id);
        }

        KeepWaitingUnsettled(uncovered, settledBefore);
        if (_options.WarningsAsNotices)
        {
            KeepWarningsAsNotices(uncovered);
        }

        OpenUnclassified(uncovered);
        Changed();
    }

    /// <summary>Empties the waiting list: alarms that cleared meanwhile count as transients; the rest, one per observation key.</summary>
    private Dictionary<string, AlarmRecord> TakeWaiting()
    {
        var uncovered = new Dictionary<string, AlarmRecord>(StringComparer.Ordinal);
        foreach (var alarm in _pending)
        {
            if (alarm.IsActive)
            {
                uncovered.TryAdd(KeyOf(alarm), alarm);
            }
            else
            {
                SuppressedTransients++;
            }
        }

        _pending.Clear();
        return uncovered;
    }

    /// <summary>Every hypothesis that could explain one of the <paramref name="uncovered"/> alarms, by id.</summary>
    private Dictionary<string, Hypothesis> CandidatesFor(Dictionary<string, AlarmRecord> uncovered)
    {
        var candidates = new Dictionary<string, Hypothesis>(StringComparer.Ordinal);
        foreach (var alarm in uncovered.Values)
        {
            foreach (var h in _factory.Candidates(alarm.Condition, alarm.Source, alarm.Interface))
            {
                candidates.TryAdd(h.Id, h);
            }
        }

        return candidates;
    }

    /// <summary>
    /// The preferred candidate (see <see cref="HypothesisPreference"/>) among those explaining a settled
    /// alarm, with every such candidate scored (for the alternatives); false when none scores above zero.
    /// </summary>
    private bool PickBest(Dictionary<string, Hypothesis> candidates, Dictionary<string, AlarmRecord> uncovered, long settledBefore,
        out ScoredHypothesis best, out List<ScoredHypothesis> scored)
    {
        ScoredHypothesis? chosen = null;
        scored = [];
        foreach (var h in candidates.Values)
        {
            var candidate = Score(h, uncovered);
            if (candidate.Explained == 0 || !ExplainsSettled(h, uncovered, settledBefore))
            {
                continue;
            }

            scored.Add(candidate);
            if (HypothesisPreference.Instance.Beats(candidate, chosen))
            {
                chosen = candidate;
            }
        }

        best = chosen.GetValueOrDefault();
        return chosen is not null;
    }

    /// <summary>Opens the incident of <paramref name="best"/> with the uncovered alarms it explains and up to three alternatives.</summary>
    private void OpenFor(ScoredHypothesis best, List<ScoredHypothesis> scored, Dictionary<string, AlarmRecord> uncovered)
    {
        var h = best.Hypothesis;
        var first = long.MaxValue;
        foreach (var (key, alarm) in uncovered)
        {
            if (h.Expected.ContainsKey(key))
            {
                first = Math.Min(first, alarm.RaisedMicros);
            }
        }

        var incident = Open(h.Type, h.RootCause, h.Summary, best.Score, first);
        _hypothesisOf[incident.Id] = h;
        if (best.Evidence is not null)
        {
            incident.Evidence.Add(best.Evidence);
        }

        foreach (var other in scored.OrderByDescending(x => x.Score).ThenBy(x => x.Hypothesis.Id, StringComparer.Ordinal))
        {
            if (other.Hypothesis != h && incident.Alternatives.Count < 3)
            {
                incident.Alternatives.Add(string.Create(CultureInfo.InvariantCulture, $"{other.Hypothesis.Summary} (score {other.Score:0.0})"));
            }
        }

        foreach (var key in h.Expected.Keys)
        {
            if (uncovered.Remove(key, out var alarm))
            {
                Attach(incident, alarm, h.Explain(key)!);
            }
        }

        AttachRecentKpi(incident);
        IncidentOpened?.Invoke(incident);
    }

    /// <summary>Puts the uncovered alarms that have not settled back to wait, oldest first.</summary>
    private void KeepWaitingUnsettled(Dictionary<string, AlarmRecord> uncovered, long settledBefore)
    {
        foreach (var (key, alarm) in uncovered.ToList())
        {
            if (alarm.RaisedMicros > settledBefore)
            {
                _pending.Add(alarm);
                uncovered.Remove(key);
            }
        }

        _pending.Sort((a, b) => a.RaisedMicros != b.RaisedMicros ? a.RaisedMicros.CompareTo(b.RaisedMicros) : a.AlarmId.CompareTo(b.AlarmId));
    }

    /// <summary>Moves the unexplained WARNING alarms to the notices.</summary>
    private void KeepWarningsAsNotices(Dictionary<string, AlarmRecord> uncovered)
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

    /// <summary>Opens one unclassified incident per element for the alarms nothing explains.</summary>
    private void OpenUnclassified(Dictionary<string, AlarmRecord> uncovered)
    {
        foreach (var group in uncovered.Values.GroupBy(a => a.Source, StringComparer.Ordinal).OrderBy(g => g.Min(a => a.AlarmId)))
        {
            var alarms = group.OrderBy(a => a.AlarmId).ToList();
            var incident = Open(IncidentType.Unclassified, group.Key, $"unclassified alarms on {group.Key}", 0, alarms.Min(a => a.RaisedMicros));
            _hypothesisOf[incident.Id] = null;
            foreach (var alarm in alarms)
            {
                Attach(incident, alarm, $"{alarm.Condition} on {alarm.Source}: no known fault pattern explains it");
            }

            AttachRecentKpi(incident);
            IncidentOpened?.Invoke(incident);
        }
    }
}
