namespace Quanet.Cluster.Chaos;

// How long the cluster took to recover from each kill, from the senders' 202s and the sampled applied counts.
public sealed partial class ChaosRun
{
    // each kill names the kills that fell within its recovery
    private static List<ChaosKill> Overlapping(List<ChaosKill> kills) =>
    [
        .. kills.Select(k => k with
        {
            Overlaps = [.. kills.Where(o => !ReferenceEquals(o, k) && o.KilledAtSeconds >= k.KilledAtSeconds && o.KilledAtSeconds <= k.KilledAtSeconds + k.RecoverySeconds).Select(o => o.Victim)],
        }),
    ];

    /// <summary>
    /// A kill's recovery: ingestion, until every sender with events left had a 202 for a request sent after the kill;
    /// correlation, until every region that had acknowledged events not yet applied at the kill applied more;
    /// end to end, until every region sent events in the second after the kill applied one sent after it.
    /// </summary>
    private ChaosKill Recovery(ChaosKill kill, AppliedTimeline timeline)
    {
        var t = kill.KilledAtSeconds;
        var requests = _sent.ToList();
        double? ingest = null;
        foreach (var sender in requests.GroupBy(r => r.Sender))
        {
            var after = sender.Where(r => r.AttemptStarted >= t).Select(r => r.Acknowledged).DefaultIfEmpty(double.NaN).Min();
            if (!double.IsNaN(after))
            {
                ingest = Math.Max(ingest ?? 0, after - t);
            }
        }

        double? correlation = null;
        var end = _clock.Elapsed.TotalSeconds;
        foreach (var region in requests.SelectMany(r => r.Regions.Keys).Distinct(StringComparer.Ordinal))
        {
            var acknowledged = requests.Where(r => r.Acknowledged <= t).Sum(r => (long)r.Regions.GetValueOrDefault(region));
            var applied = timeline.CountAt(region, t);
            if (acknowledged > applied)
            {
                var advanced = timeline.FirstAbove(region, applied, t) ?? end;
                correlation = Math.Max(correlation ?? 0, advanced - t);
            }
        }

        var endToEnd = EndToEnd(t, requests, timeline, end);
        return kill with
        {
            IngestSeconds = ingest is { } i ? Round(i) : null,
            CorrelationSeconds = correlation is { } c ? Round(c) : null,
            EndToEndSeconds = endToEnd is { } e ? Round(e) : null,
            RecoverySeconds = Round(Math.Max(Math.Max(ingest ?? 0, correlation ?? 0), endToEnd ?? 0)),
        };
    }

    // A region's applied count above all its events first sent before the kill means it applied one sent after it
    // (applied rows are sent events, each once). Regions whose first event after the kill was sent more than a second
    // later had no traffic at the kill and say nothing about it.
    private static double? EndToEnd(double t, List<SentRequest> requests, AppliedTimeline timeline, double end)
    {
        double? worst = null;
        foreach (var region in requests.SelectMany(r => r.Regions.Keys).Distinct(StringComparer.Ordinal))
        {
            var firstAfter = requests.Where(r => r.FirstAttempt >= t && r.Regions.ContainsKey(region)).Select(r => r.FirstAttempt).DefaultIfEmpty(double.NaN).Min();
            if (double.IsNaN(firstAfter) || firstAfter - t > 1)
            {
                continue;
            }

            var sentBefore = requests.Where(r => r.FirstAttempt < t).Sum(r => (long)r.Regions.GetValueOrDefault(region));
            var applied = timeline.FirstAbove(region, sentBefore, t) ?? end;
            worst = Math.Max(worst ?? 0, applied - t);
        }

        return worst;
    }
}
