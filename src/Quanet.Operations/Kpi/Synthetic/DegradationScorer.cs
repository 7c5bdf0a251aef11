namespace Quanet.Operations.Kpi.Synthetic;

/// <summary>
/// Runs a fresh detector over each synthetic series and measures detection delay and false alarms (the
/// goals of issue #21: median delay at most 2 intervals, at most 1 false alarm per 100 series-days).
/// </summary>
internal static class DegradationScorer
{
    /// <summary>Quiet values after which the next alarm opens a new episode (an hour at 15 minutes): a flapping alarm is one alarm.</summary>
    public const int EpisodeGap = 4;

    /// <summary>Scores <paramref name="create"/>'s detectors on <paramref name="set"/> at <paramref name="threshold"/>.</summary>
    /// <param name="set">The series.</param>
    /// <param name="create">Makes a fresh detector per series.</param>
    /// <param name="threshold">A value alarms when its score is at least this.</param>
    /// <param name="learningDays">Leading days not scored for false alarms.</param>
    public static DegradationScore Score(IReadOnlyList<SyntheticKpiSeries> set, Func<IKpiDetector> create, double threshold, int learningDays)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(create);
        var delays = new List<double>();
        var byKind = new Dictionary<DegradationKind, List<double>>();
        int detected = 0, falseAlarms = 0;
        double seriesDays = 0;
        foreach (var series in set)
        {
            var detector = create();
            var learned = learningDays * CellTrafficGenerator.PerDay;
            var graceEnd = series.End + CellTrafficGenerator.PerDay;
            var first = -1;
            var quiet = EpisodeGap;
            for (var t = 0; t < series.Values.Length; t++)
            {
                var alarm = detector.Update(series.Times[t], series.Values[t]) >= threshold;
                var degraded = series.Start >= 0 && t >= series.Start && t <= graceEnd;
                if (alarm && degraded && first < 0)
                {
                    first = t;
                }
                else if (alarm && quiet >= EpisodeGap && !degraded && t >= learned)
                {
                    falseAlarms++;
                }

                quiet = alarm ? 0 : quiet + 1;
            }

            seriesDays += Math.Max(0, series.Values.Length - learned) / (double)CellTrafficGenerator.PerDay;
            if (series.Kind == DegradationKind.None)
            {
                continue;
            }

            var delay = first >= 0 ? first - series.Start : double.PositiveInfinity;
            detected += first >= 0 ? 1 : 0;
            delays.Add(delay);
            if (!byKind.TryGetValue(series.Kind, out var list))
            {
                byKind[series.Kind] = list = [];
            }

            list.Add(delay);
        }

        var medians = new Dictionary<DegradationKind, double>();
        foreach (var (kind, list) in byKind)
        {
            medians[kind] = Median(list);
        }

        return new DegradationScore(delays.Count, detected, Median(delays), medians, falseAlarms, seriesDays);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
