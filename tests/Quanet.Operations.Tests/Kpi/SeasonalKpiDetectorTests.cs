using CsCheck;
using Quanet.Operations.Kpi;
using Quanet.Operations.Kpi.Synthetic;

namespace Quanet.Operations.Tests.Kpi;

public sealed class SeasonalKpiDetectorTests
{
    private const double Threshold = 0.5;
    private const int Day = CellTrafficGenerator.PerDay;

    // the first clean series of the set: 28 days of 15-minute cell traffic
    private static SyntheticKpiSeries Clean(int seed) => CellTrafficGenerator.Generate(4, 28, seed)[0];

    [Fact]
    public void A_clean_series_raises_nothing()
    {
        var series = Clean(seed: 3);

        var scores = Run(series.Times, series.Values);

        Assert.Equal(DegradationKind.None, series.Kind);
        Assert.All(scores, s => Assert.True(s < Threshold, $"score {s}"));
    }

    [Fact]
    public void A_drop_at_a_known_slot_is_flagged_within_two_intervals()
    {
        var series = Clean(seed: 3);
        var values = (double[])series.Values.Clone();
        var start = (20 * Day) + 70; // 17:30 on a Sunday
        for (var t = start; t < start + 16; t++)
        {
            values[t] *= 0.2;
        }

        var scores = Run(series.Times, values);

        Assert.All(scores[..start], s => Assert.True(s < Threshold));
        Assert.Contains(scores[start..(start + 3)], s => s >= Threshold);
        // the outage was taken as a new level after an hour; its end restores the old level without an alarm
        Assert.All(scores[(start + 16)..(start + Day)], s => Assert.True(s < Threshold, $"score {s}"));
    }

    [Fact]
    public void A_level_shift_is_flagged_within_two_intervals_and_then_taken_as_the_new_level()
    {
        var series = Clean(seed: 5);
        var values = (double[])series.Values.Clone();
        var start = (17 * Day) + 40; // 10:00 on a Thursday: a configuration change
        for (var t = start; t < values.Length; t++)
        {
            values[t] *= 0.65;
        }

        var scores = Run(series.Times, values);

        Assert.Contains(scores[start..(start + 3)], s => s >= Threshold);
        // a day later the new level is normal again
        Assert.All(scores[(start + Day)..(start + (3 * Day))], s => Assert.True(s < Threshold, $"score {s}"));
    }

    [Fact]
    public void Busy_hour_and_night_have_their_own_thresholds()
    {
        // the same absolute excess (a fifth of the busy-hour level) is within the busy hour's spread but far
        // outside the night's, where traffic and its spread are small
        var series = Clean(seed: 3);
        var night = (21 * Day) + 16; // 04:00 on a Monday
        var busy = (21 * Day) + 80;  // 20:00
        var excess = 0.2 * series.Values[busy];

        var (nightScore, nightExpected) = ScoreWithExcess(series, night, excess);
        var (busyScore, busyExpected) = ScoreWithExcess(series, busy, excess);

        Assert.True(busyExpected > 4 * nightExpected, $"busy {busyExpected} night {nightExpected}");
        Assert.True(nightScore >= Threshold, $"night score {nightScore}");
        Assert.True(busyScore < Threshold, $"busy score {busyScore}");
    }

    [Fact]
    public void Meets_the_goals_on_a_small_degradation_set()
    {
        var set = CellTrafficGenerator.Generate(200, 28, seed: 2);

        var score = DegradationScorer.Score(set, () => new SeasonalKpiDetector(), Threshold, SeasonalKpiOptions.Default.LearningDays);

        Assert.Equal(150, score.Degradations);
        Assert.Equal(150, score.Detected);
        Assert.True(score.MedianDelay <= 2, $"median delay {score.MedianDelay}");
        Assert.Equal(0.0, score.MedianDelayByKind[DegradationKind.Drop]);
        Assert.True(score.FalseAlarmsPer100SeriesDays <= 1.0, $"{score.FalseAlarmsPer100SeriesDays} false alarms per 100 series-days");
    }

    [Fact]
    public void The_score_of_a_value_does_not_change_when_later_values_change()
    {
        var series = Clean(seed: 4);
        var gen = from cut in Gen.Int[14 * Day, series.Values.Length - 1]
                  from later in Gen.Double[0, 500].Array[series.Values.Length - cut]
                  select (cut, later);
        gen.Sample(c =>
        {
            var changed = (double[])series.Values.Clone();
            c.later.CopyTo(changed, c.cut);

            var original = Run(series.Times, series.Values);
            var altered = Run(series.Times, changed);

            Assert.Equal(original.AsSpan(0, c.cut).ToArray(), altered.AsSpan(0, c.cut).ToArray());
        }, iter: 10);
    }

    [Fact]
    public void Slots_follow_the_sampling_interval()
    {
        var detector = new SeasonalKpiDetector();

        detector.Update(1_704_067_200, 1.0);
        detector.Update(1_704_067_200 + 300, 1.0);

        // 288 five-minute slots a day, once for weekdays and once for the weekend
        Assert.Equal(2 * 288, detector.Slots);
        Assert.Equal(24 + (((3 * 576) + 14) * 4) + 192, detector.StateBytes);
    }

    private static (double Score, double Expected) ScoreWithExcess(SyntheticKpiSeries series, int at, double excess)
    {
        var detector = new SeasonalKpiDetector();
        for (var t = 0; t < at; t++)
        {
            detector.Update(series.Times[t], series.Values[t]);
        }

        return (detector.Update(series.Times[at], series.Values[at] + excess), detector.Expected);
    }

    private static double[] Run(long[] times, double[] values)
    {
        var detector = new SeasonalKpiDetector();
        var scores = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            scores[t] = detector.Update(times[t], values[t]);
        }

        return scores;
    }
}
