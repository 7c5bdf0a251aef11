using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

// Normalisation as NAB's runner.normalize: 100 (raw - null) / (perfect - null), perfect = tp * windows.
public sealed class NabEvaluationTests
{
    private static NabSeries[] Corpus() =>
    [
        Series("a.csv", 200, [new AnomalyWindow(100, 119)]),
        Series("b.csv", 300, [new AnomalyWindow(80, 99), new AnomalyWindow(200, 229)]),
        Series("c.csv", 250, []),
    ];

    [Fact]
    public void Null_detector_scores_zero_and_perfect_detector_scores_100_in_every_profile()
    {
        var corpus = Corpus();
        var nullScores = corpus.Select(s => Enumerable.Repeat(0.5, s.Length).ToArray()).ToArray();
        var perfectScores = corpus.Select(s =>
        {
            var scores = new double[s.Length];
            foreach (var w in s.Windows)
            {
                scores[w.Start] = 1.0;
            }

            return scores;
        }).ToArray();

        var nullResults = NabEvaluation.Evaluate(corpus, nullScores, NabProfile.Defaults);
        var perfectResults = NabEvaluation.Evaluate(corpus, perfectScores, NabProfile.Defaults);

        Assert.All(nullResults, r => Assert.Equal(0.0, r.NormalizedScore, 9));
        Assert.All(perfectResults, r => Assert.Equal(100.0, r.NormalizedScore, 9));
        // On files this long, flagging everything costs more than missing every window: null = -fn * windows.
        Assert.Equal(-3.0, nullResults[0].NullScore, 12);
        Assert.Equal(-6.0, nullResults[2].NullScore, 12);      // reward_low_FN_rate: fn = 2
        Assert.Equal(3.0, perfectResults[0].PerfectScore, 12);
    }

    [Fact]
    public void Normalised_score_of_a_hand_made_case()
    {
        var corpus = new[] { Series("a.csv", 20, [new AnomalyWindow(10, 14)]) };
        var scores = new double[20];
        scores[12] = 0.9;
        scores[16] = 0.8;

        var standard = NabEvaluation.Evaluate(corpus, [scores], NabProfile.Defaults)[0];

        // Best threshold 0.9: raw S(-0.6) / S(-1) = 0.9174286804284079. On a 20-row file the null detector's
        // best is to flag every row: 1 - 7 * 0.11 + 0.11 * sum_{k=1..5} S(k / 4) = -0.2473658396442781
        // (better than missing the window, -1). Perfect: 1.
        Assert.Equal(0.9, standard.Threshold);
        Assert.Equal(-0.2473658396442781, standard.NullScore, 12);
        Assert.Equal(100 * (0.9174286804284079 + 0.2473658396442781) / (1 + 0.2473658396442781), standard.NormalizedScore, 9);
    }

    private static NabSeries Series(string name, int length, AnomalyWindow[] windows)
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var timestamps = Enumerable.Range(0, length).Select(i => start.AddMinutes(5 * i)).ToArray();
        return new NabSeries(name, timestamps, new double[length], windows);
    }
}
