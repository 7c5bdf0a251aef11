using Quanet.Operations.Anomaly;
using Quanet.Testing;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class DetectorTests
{
    private static double[] Periodic(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = 10 + (5 * Math.Sin(2 * Math.PI * i / 48)) + random.NextDouble();
        }

        return values;
    }

    [Theory]
    [InlineData("quanet")]
    [InlineData("quanet-frozen")]
    [InlineData("quanet-running")]
    [InlineData("quanet-likelihood")]
    [InlineData("cad-ose")]
    [InlineData("likelihood")]
    [InlineData("windowed-gaussian")]
    [InlineData("art")]
    public void Scores_are_in_unit_interval_and_use_no_look_ahead(string name)
    {
        var values = Periodic(600, 3);
        values[450] = 40;

        var full = AnomalyDetectors.Run(name, values, 90);
        var prefix = AnomalyDetectors.Run(name, values.AsSpan(0, 451), 90);

        Assert.All(full, s => Assert.InRange(s, 0.0, 1.0));
        Assert.Equal(prefix, full.AsSpan(0, 451).ToArray());
    }

    [Theory]
    [InlineData("quanet")]
    [InlineData("likelihood")]
    [InlineData("windowed-gaussian")]
    [InlineData("art")]
    public void Spike_after_learning_scores_above_everything_before_it(string name)
    {
        var values = Periodic(600, 5);
        values[450] = 40;

        var scores = AnomalyDetectors.Run(name, values, 90);

        var before = scores.AsSpan(200, 250).ToArray().Max();
        Assert.True(scores[450] > before, $"spike {scores[450]} vs max before {before}");
    }

    [Fact]
    public void Windowed_gaussian_score_is_one_minus_the_two_sided_tail()
    {
        var detector = new WindowedGaussianDetector(4);
        foreach (var v in new[] { 1.0, 3.0, 1.0, 3.0 })
        {
            detector.Update(v);
        }

        // window mean 2, population stdev 1: value 4 is z = 2, 1 - 2 Q(2) = erf(2 / sqrt 2) = 0.9544997361
        Assert.Equal(0.9544997361036416, detector.Update(4.0), 6);
    }

    [Fact]
    public void Cad_rests_after_a_high_score()
    {
        var values = Periodic(400, 9);
        values[300] = 60;
        var detector = new ContextualAnomalyDetector(restPeriod: 20);
        var output = new double[values.Length];
        var raw = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            output[i] = detector.Update(values[i]);
            raw[i] = detector.LastRawScore;
        }

        for (var i = 20; i < values.Length; i++)
        {
            var recentHigh = false;
            for (var j = Math.Max(0, i - 20); j < i; j++)
            {
                recentHigh |= raw[j] >= ContextualAnomalyDetector.BaseThreshold;
            }

            Assert.Equal(recentHigh ? 0.0 : raw[i], output[i]);
        }
    }

    [Fact]
    public void Unknown_detector_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnomalyDetectors.Create("htm", 10));

        Assert.Contains("unknown detector 'htm'", ex.Message, StringComparison.Ordinal);
    }

    [RequiresSharedFact("benchmarks/nab")]
    public void Quanet_detects_the_window_of_a_real_NAB_file()
    {
        // One small real file (4032 rows): the full corpus run is in bench/ (suite `nab`).
        var corpus = NabCorpus.Load(SharedBenchmarks.Locate("benchmarks/nab"), "art_daily_jumpsup");
        var series = Assert.Single(corpus.Series);

        var scores = AnomalyDetectors.Run("quanet", series.Values.Span, NabScorer.ProbationLength(series.Length));
        var standard = NabEvaluation.Evaluate(corpus.Series, [scores], corpus.Profiles)[0];

        Assert.True(standard.NormalizedScore > 50, $"standard score {standard.NormalizedScore}");
        Assert.Equal(1, standard.Counts.TruePositives > 0 ? 1 : 0);
    }
}
