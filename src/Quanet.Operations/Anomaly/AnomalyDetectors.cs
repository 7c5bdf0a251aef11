namespace Quanet.Operations.Anomaly;

/// <summary>The streaming detectors by name, as <c>quanet ops nab --detector</c> and the bench know them.</summary>
public static class AnomalyDetectors
{
    /// <summary>The default detector.</summary>
    public const string Default = "quanet";

    /// <summary>Every detector name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quanet", "quanet-frozen", "quanet-running", "quanet-likelihood", "cad-ose", "likelihood", "windowed-gaussian", "null", "art"];

    /// <summary>
    /// Creates detector <paramref name="name"/> for one series. <paramref name="learningPeriod"/> is the
    /// number of leading rows the detector may spend learning (NAB passes its probation period, 15% of the
    /// file capped at 750 rows, to every detector).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static IStreamingDetector Create(string name, int learningPeriod)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(learningPeriod);
        return name switch
        {
            "quanet" => new EnsembleDetector(learningPeriod, requantise: true),
            "quanet-frozen" => new EnsembleDetector(learningPeriod, freezeRangeAfter: learningPeriod),
            "quanet-running" => new EnsembleDetector(learningPeriod),
            "quanet-likelihood" => new EnsembleDetector(learningPeriod, withLikelihood: true, requantise: true),
            "likelihood" => new LikelihoodDetector(learningPeriod),
            "cad-ose" => new ContextualAnomalyDetector(Math.Max(1, learningPeriod / 5)),
            "windowed-gaussian" => new WindowedGaussianDetector(),
            "art" => new ArtDetector(learningPeriod),
            "null" => new ConstantDetector(NabEvaluation.NullDetectorScore),
            _ => throw new ArgumentException($"unknown detector '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>Runs a fresh detector over every value of <paramref name="values"/> and returns the scores.</summary>
    public static double[] Run(string name, ReadOnlySpan<double> values, int learningPeriod)
    {
        var detector = Create(name, learningPeriod);
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        return scores;
    }
}
