using System.Globalization;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Correlation;

// Scoring a hypothesis against the waiting alarms, with configuration changes as evidence.
public sealed partial class AlarmCorrelator
{
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

    private ScoredHypothesis Score(Hypothesis h, Dictionary<string, AlarmRecord> uncovered)
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
                return new ScoredHypothesis(h, 0, 0, null);
            }

            // a DU-wide change explains several cells; the bonus scales with the share of its cells affected
            score += _options.AnchorWeight * explained / Math.Max(1, h.Expected.Count);
            evidence = change;
        }

        return new ScoredHypothesis(h, score - (_options.MissingPenalty * missing), explained, evidence);
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
}
