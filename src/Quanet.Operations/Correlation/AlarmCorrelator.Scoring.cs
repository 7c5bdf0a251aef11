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
        var firstAlarm = long.MaxValue;
        foreach (var key in h.Expected.Keys)
        {
            if (uncovered.TryGetValue(key, out var alarm))
            {
                explained++;
                firstAlarm = Math.Min(firstAlarm, alarm.RaisedMicros);
                var anchor = h.IsAnchor(key);
                explainsNonAnchor |= !anchor;
                score += anchor ? _options.AnchorWeight : 1;
            }
            else if (!_activeKeys.ContainsKey(key) && Sees(key))
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
            var change = explained == 0 ? null : RecentChange(h.RootCause, firstAlarm);
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

    // whether the source of an observation key (condition|source|interface) reaches this correlator
    private bool Sees(string key)
    {
        if (_options.SeesSource is not { } sees)
        {
            return true;
        }

        var from = key.IndexOf('|', StringComparison.Ordinal) + 1;
        var to = key.IndexOf('|', from);
        return sees(key[from..to]);
    }

    /// <summary>
    /// The latest configuration change of <paramref name="source"/> from <see cref="CorrelatorOptions.ConfigChangeLookback"/>
    /// before the first alarm it would explain to <see cref="CorrelatorOptions.SettleTime"/> after it (a change reported
    /// a little late), or null. Measured from the alarms, not from when they are grouped, so the evidence is the same
    /// whenever grouping happens: in a live stream, in a replay, or in a cluster region whose clock moves only with its
    /// own alarms.
    /// </summary>
    private string? RecentChange(string source, long firstAlarm)
    {
        if (!_configChanges.TryGetValue(source, out var list))
        {
            return null;
        }

        var from = firstAlarm - (long)_options.ConfigChangeLookback.TotalMicroseconds;
        var to = firstAlarm + (long)_options.SettleTime.TotalMicroseconds;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Micros >= from && list[i].Micros <= to)
            {
                var minutes = (firstAlarm - list[i].Micros) / 60_000_000.0;
                return minutes >= 0
                    ? string.Create(CultureInfo.InvariantCulture, $"configuration change {list[i].Change} on {source} {minutes:0} min before the first alarm")
                    : string.Create(CultureInfo.InvariantCulture, $"configuration change {list[i].Change} on {source} {-minutes:0} min after the first alarm");
            }
        }

        return null;
    }
}
