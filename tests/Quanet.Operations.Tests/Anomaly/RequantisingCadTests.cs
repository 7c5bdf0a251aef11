using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class RequantisingCadTests
{
    private static double Wave(int i) => 10 + (5 * Math.Sin(2 * Math.PI * i / 24));

    [Fact]
    public void Inside_the_learned_range_it_is_the_frozen_cad()
    {
        var requantising = new RequantisingCad(learningPeriod: 100, restPeriod: 20);
        var frozen = new ContextualAnomalyDetector(20, freezeRangeAfter: 100);

        for (var i = 0; i < 400; i++)
        {
            // after the learning period values stay within 4% of the learned width beyond it: no re-quantisation
            var value = i < 100 ? Wave(i) : Wave(i) * 1.02;
            Assert.Equal(frozen.Update(value), requantising.Update(value));
        }

        Assert.Equal(0, requantising.Requantisations);
    }

    [Fact]
    public void A_range_break_after_learning_requantises_once_and_relearns_the_recent_past()
    {
        var detector = new RequantisingCad(learningPeriod: 100, restPeriod: 20);
        for (var i = 0; i < 300; i++)
        {
            detector.Update(Wave(i));
        }

        detector.Update(60);
        var fresh = new ContextualAnomalyDetector(20, range: (Wave(18), 60));
        fresh.Update(60);
        double replayed = 0, unreplayed = 0;
        detector.Update(Wave(301));
        fresh.Update(Wave(301));
        for (var i = 1; i < 200; i++)
        {
            detector.Update(Wave(301 + i));
            fresh.Update(Wave(301 + i));
            replayed = Math.Max(replayed, detector.LastRawScore);
            unreplayed = Math.Max(unreplayed, fresh.LastRawScore);
        }

        // the new CAD (range of every value so far) relearned the last 100 values before the break, so
        // the regular wave after it never surprises it enough to alarm; a CAD started from nothing with
        // the same range alarms on the wave again and again while it learns
        Assert.Equal(1, detector.Requantisations);
        Assert.True(replayed < ContextualAnomalyDetector.BaseThreshold, $"highest raw score with replay {replayed}");
        Assert.True(unreplayed >= ContextualAnomalyDetector.BaseThreshold, $"highest raw score without replay {unreplayed}");
    }

    [Fact]
    public void Values_during_the_learning_period_only_widen_the_running_range()
    {
        var detector = new RequantisingCad(learningPeriod: 100, restPeriod: 20);
        for (var i = 0; i < 100; i++)
        {
            detector.Update(i == 50 ? 100 : Wave(i));
        }

        Assert.Equal(0, detector.Requantisations);
    }
}
