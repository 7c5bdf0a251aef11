namespace Quanet.Operations.Anomaly;

/// <summary>
/// Scores a detector's output on a NAB corpus for each profile, as NAB's runner does: optimise the
/// threshold over the corpus (<see cref="NabScorer.ScoresByThreshold"/>), then normalise the raw score
/// against the null detector and a perfect detector (NAB <c>runner.normalize</c>).
/// </summary>
public static class NabEvaluation
{
    /// <summary>The constant score NAB's null detector emits.</summary>
    public const double NullDetectorScore = 0.5;

    /// <summary>Evaluates <paramref name="anomalyScores"/> (one array per series) for every profile.</summary>
    /// <param name="series">The corpus.</param>
    /// <param name="anomalyScores">Scores in [0, 1], one array per series, as long as the series.</param>
    /// <param name="profiles">Profiles to score.</param>
    /// <exception cref="ArgumentException">Counts or lengths differ, or a score is outside [0, 1].</exception>
    public static IReadOnlyList<NabProfileResult> Evaluate(
        IReadOnlyList<NabSeries> series, IReadOnlyList<double[]> anomalyScores, IReadOnlyList<NabProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(anomalyScores);
        ArgumentNullException.ThrowIfNull(profiles);
        var nullScores = new double[series.Count][];
        var windows = 0;
        for (var s = 0; s < series.Count; s++)
        {
            nullScores[s] = new double[series[s].Length];
            Array.Fill(nullScores[s], NullDetectorScore);
            windows += series[s].Windows.Count;
        }

        var results = new List<NabProfileResult>(profiles.Count);
        foreach (var profile in profiles)
        {
            var sweeps = new SeriesSweep[series.Count];
            for (var s = 0; s < series.Count; s++)
            {
                sweeps[s] = NabScorer.Sweep(series[s].Length, series[s].Windows, profile.Costs);
            }

            var best = NabScorer.Best(NabScorer.ScoresByThreshold(sweeps, anomalyScores, profile.Costs));
            var baseline = NabScorer.Best(NabScorer.ScoresByThreshold(sweeps, nullScores, profile.Costs)).Score;
            var perfect = windows * profile.Costs.TpWeight;
            var normalized = perfect == baseline ? 0.0 : 100.0 * (best.Score - baseline) / (perfect - baseline);
            results.Add(new NabProfileResult(profile.Name, best.Threshold, best.Score, baseline, perfect, normalized, best));
        }

        return results;
    }
}
