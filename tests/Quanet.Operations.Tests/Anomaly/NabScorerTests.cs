using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

// Reference values: NAB's scaled sigmoid S(x) = 2 / (1 + e^(5x)) - 1, -1 for x >= 3 (numenta/NAB nab/sweeper.py);
// inside a window [a, e] of width w a detection at row i earns tp * S(-(e - i + 1) / w) / S(-1);
// after it, fp * S(|e - i| / (w - 1)); before any window -fp; a missed window -fn. Numbers computed by hand
// from these formulas (Python math.exp), e.g. S(-1) = 2 / (1 + e^-5) - 1 = 0.9866142981514305.
public sealed class NabScorerTests
{
    private static readonly AnomalyWindow[] OneWindow = [new AnomalyWindow(10, 14)];
    private static readonly NabCostMatrix Standard = NabProfile.Standard.Costs;

    [Theory]
    [InlineData(-1.0, 0.9866142981514305)]
    [InlineData(-0.5, 0.8482836399575131)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, -0.8482836399575129)]
    [InlineData(3.0, -1.0)]
    [InlineData(7.0, -1.0)]
    public void Scaled_sigmoid_matches_the_NAB_reference_points(double position, double expected) =>
        Assert.Equal(expected, NabScorer.ScaledSigmoid(position), 12);

    [Theory]
    [InlineData(20, 3)]
    [InlineData(100, 15)]
    [InlineData(4032, 604)]
    [InlineData(5000, 750)]
    [InlineData(22695, 750)]
    public void Probation_is_15_percent_capped_at_750_rows(int rows, int expected) =>
        Assert.Equal(expected, NabScorer.ProbationLength(rows));

    [Fact]
    public void Sweep_weights_follow_the_sigmoid_inside_and_after_the_window()
    {
        var sweep = NabScorer.Sweep(20, OneWindow, Standard);

        Assert.Equal(NabScorer.Probationary, sweep.WindowOf[2]);
        Assert.Equal(NabScorer.OutsideWindow, sweep.WindowOf[3]);
        Assert.Equal(0, sweep.WindowOf[12]);
        Assert.Equal(-0.11, sweep.Weights[5], 12);                      // before any window: -fp
        Assert.Equal(1.0, sweep.Weights[10], 12);                       // left edge: S(-1) / S(-1)
        Assert.Equal(0.9174286804284079, sweep.Weights[12], 12);        // S(-3/5) / S(-1)
        Assert.Equal(-0.09331120039532642, sweep.Weights[16], 12);      // 0.11 * S(2/4)
        Assert.Equal(-0.10957611837406796, sweep.Weights[19], 12);      // 0.11 * S(5/4)
        Assert.Equal(17, sweep.ScorableRows);
    }

    [Fact]
    public void Missed_window_costs_fn_and_nothing_else()
    {
        var sweep = NabScorer.Sweep(20, OneWindow, NabProfile.RewardLowFnRate.Costs);

        var score = NabScorer.ScoreSeries(sweep, new double[20], NabProfile.RewardLowFnRate.Costs, 0.5);

        Assert.Equal(-2.0, score, 12);
    }

    [Fact]
    public void Only_the_first_detection_in_a_window_counts_and_probation_is_ignored()
    {
        var sweep = NabScorer.Sweep(20, OneWindow, Standard);
        var scores = new double[20];
        scores[1] = 1.0;   // probation: ignored
        scores[12] = 1.0;  // first detection in the window
        scores[13] = 1.0;  // later detection in the same window: no extra reward, no cost
        scores[14] = 1.0;

        var score = NabScorer.ScoreSeries(sweep, scores, Standard, 0.5);

        Assert.Equal(0.9174286804284079, score, 12);
    }

    [Fact]
    public void Score_adds_true_positive_and_weighted_false_positives()
    {
        var sweep = NabScorer.Sweep(20, OneWindow, Standard);
        var scores = new double[20];
        scores[5] = 1.0;
        scores[12] = 1.0;
        scores[16] = 1.0;

        var score = NabScorer.ScoreSeries(sweep, scores, Standard, 0.5);

        // 0.9174286804284079 - 0.11 - 0.09331120039532642
        Assert.Equal(0.7141174800330815, score, 12);
    }

    [Fact]
    public void Threshold_sweep_scores_every_distinct_threshold_and_picks_the_best()
    {
        var sweep = NabScorer.Sweep(20, OneWindow, Standard);
        var scores = new double[20];
        scores[12] = 0.9;
        scores[16] = 0.8;
        scores[5] = 0.7;

        var table = NabScorer.ScoresByThreshold([sweep], [scores], Standard);
        var best = NabScorer.Best(table);

        Assert.Equal([1.1, 0.9, 0.8, 0.7, 0.0], table.Select(t => t.Threshold));
        Assert.Equal(-1.0, table[0].Score, 12);
        Assert.Equal(0.9174286804284079, table[1].Score, 12);
        Assert.Equal(0.9174286804284079 - 0.09331120039532642, table[2].Score, 12);
        Assert.Equal(0.7141174800330815, table[3].Score, 12);
        Assert.Equal(0.9, best.Threshold);
        Assert.Equal((1, 12, 0, 4), (best.TruePositives, best.TrueNegatives, best.FalsePositives, best.FalseNegatives));
    }

    [Fact]
    public void Sweep_matches_scoring_each_series_at_the_chosen_threshold()
    {
        var sweeps = new[] { NabScorer.Sweep(20, OneWindow, Standard), NabScorer.Sweep(30, [new AnomalyWindow(8, 11), new AnomalyWindow(20, 25)], Standard) };
        var random = new Random(7);
        var scores = new[] { new double[20], new double[30] };
        foreach (var s in scores)
        {
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = Math.Round(random.NextDouble(), 1);
            }
        }

        foreach (var row in NabScorer.ScoresByThreshold(sweeps, scores, Standard))
        {
            var sum = NabScorer.ScoreSeries(sweeps[0], scores[0], Standard, row.Threshold)
                + NabScorer.ScoreSeries(sweeps[1], scores[1], Standard, row.Threshold);
            Assert.Equal(row.Score, sum, 9);
        }
    }
}
