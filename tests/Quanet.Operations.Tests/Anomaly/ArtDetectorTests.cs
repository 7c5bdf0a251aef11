using Quanet.Operations.Anomaly;
using Quanet.Testing;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class ArtDetectorTests
{
    // A daily-like wave with noise, a spike at 700 and a level shift at 1200.
    private static double[] Series(int seed)
    {
        var random = new Random(seed);
        var values = new double[1600];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = 50 + (10 * Math.Sin(2 * Math.PI * i / 96)) + (2 * random.NextDouble()) + (i >= 1200 ? 15 : 0);
        }

        values[700] = 95;
        return values;
    }

    [Fact]
    public void Same_series_gives_the_same_scores_every_run()
    {
        var values = Series(4);

        var first = AnomalyDetectors.Run("art", values, 240);
        var second = AnomalyDetectors.Run("art", values, 240);

        Assert.Equal(first, second);
        Assert.Contains(first, s => s > 0);
    }

    [Fact]
    public void Nothing_is_scored_during_the_learning_period()
    {
        var scores = AnomalyDetectors.Run("art", Series(5), 240);

        Assert.All(scores.AsSpan(0, 240).ToArray(), s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void A_range_break_scores_one_and_rebuilds_the_network_once()
    {
        var values = Series(6);
        var detector = new ArtDetector(240);
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        // the network built after learning, and one more for the spike at 700 (95 is far beyond the
        // learned 40-62); the level shift at 1200 (to at most 77) stays inside the range 40-95 seen by then
        Assert.Equal(1.0, scores[700]);
        Assert.Equal(2, detector.Rebuilds);
    }

    [Fact]
    public void A_burst_of_range_breaks_is_reported_once_but_every_break_rebuilds()
    {
        var values = Series(7);
        // three new extremes on consecutive rows, each more than 5% beyond the range seen before it
        values[700] = 95;
        values[701] = 110;
        values[702] = 125;
        var detector = new ArtDetector(240);
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        // 240 rows of learning: blocks of 2 rows, so the hold after a report is 12 blocks = 24 rows
        Assert.Equal(1.0, scores[700]);
        Assert.Equal([0.0, 0.0], scores[701..703]);
        Assert.All(scores[703..725], s => Assert.Equal(0.0, s));
        Assert.Equal(4, detector.Rebuilds);
    }

    [Fact]
    public void A_regular_wave_after_learning_scores_far_below_the_nab_thresholds()
    {
        var values = new double[1200];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = 50 + (10 * Math.Sin(2 * Math.PI * i / 48));
        }

        var scores = AnomalyDetectors.Run("art", values, 240);

        // ARTime itself scores one novelty soon after its batch on a clean wave (NAB art_daily_no_noise:
        // 0.61 at row 984); here one weak score may come, far below the thresholds NAB's sweep picks for
        // art on the corpus (0.37-0.58), so nothing would be reported
        var alarms = scores.Select((s, i) => (s, i)).Where(a => a.s > 0).ToArray();
        Assert.True(alarms.Length <= 1, string.Join(" ", alarms.Select(a => $"{a.i}:{a.s}")));
        Assert.True(scores.Max() < 0.3, $"highest score {scores.Max()}");
    }

    [RequiresSharedFact("benchmarks/nab")]
    public void Art_detects_the_window_of_a_real_NAB_file()
    {
        var corpus = NabCorpus.Load(SharedBenchmarks.Locate("benchmarks/nab"), "art_daily_jumpsup");
        var series = Assert.Single(corpus.Series);

        var scores = AnomalyDetectors.Run("art", series.Values.Span, NabScorer.ProbationLength(series.Length));
        var standard = NabEvaluation.Evaluate(corpus.Series, [scores], corpus.Profiles)[0];

        Assert.True(standard.Counts.TruePositives > 0, $"standard: {standard.Counts}");
        Assert.True(standard.NormalizedScore > 50, $"standard score {standard.NormalizedScore}");
    }

    [RequiresSharedFact("benchmarks/nab")]
    public void Art_scores_the_full_NAB_corpus_as_measured_in_bench_readme()
    {
        var corpus = NabCorpus.Load(SharedBenchmarks.Locate("benchmarks/nab"));
        var scores = new double[corpus.Series.Count][];
        for (var s = 0; s < scores.Length; s++)
        {
            var series = corpus.Series[s];
            scores[s] = AnomalyDetectors.Run("art", series.Values.Span, NabScorer.ProbationLength(series.Length));
        }

        var results = NabEvaluation.Evaluate(corpus.Series, scores, corpus.Profiles);

        // bench/README.md, section anomaly: 75.60 / 66.58 / 81.24 (standard / low FP / low FN) on NAB v1.1;
        // ARTime's published 74.85 / 65.15 / 80.36 needs the whole file's range in advance
        Assert.Equal(58, corpus.Series.Count);
        Assert.Equal(75.60, results[0].NormalizedScore, 2);
        Assert.Equal(66.58, results[1].NormalizedScore, 2);
        Assert.Equal(81.24, results[2].NormalizedScore, 2);
    }
}
