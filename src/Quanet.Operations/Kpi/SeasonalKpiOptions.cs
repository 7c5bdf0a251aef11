namespace Quanet.Operations.Kpi;

/// <summary>
/// The parameters of <see cref="SeasonalKpiDetector"/>: one set for every series (nothing is fitted per
/// file). Deviations are measured in z units: the distance from the slot's baseline divided by the
/// slot's robust spread, so a busy-hour slot and a night slot each get their own absolute threshold.
/// </summary>
internal sealed record SeasonalKpiOptions
{
    /// <summary>The shared defaults.</summary>
    public static SeasonalKpiOptions Default { get; } = new();

    /// <summary>Most time-of-day slots per day; a finer sampling interval shares slots.</summary>
    /// <value>288 (5-minute slots).</value>
    public int MaxSlotsPerDay { get; init; } = 288;

    /// <summary>Days from a series' first value during which it only learns (score 0).</summary>
    /// <value>14: two weekends, so the weekend slots have a spread of their own.</value>
    public int LearningDays { get; init; } = 14;

    /// <summary>Values a slot needs before its deviations count.</summary>
    /// <value>2.</value>
    public int MinSlotSamples { get; init; } = 2;

    /// <summary>Smallest weight of a new value in a slot's baseline (the weight starts at 1/n).</summary>
    /// <value>0.1: about ten days of memory per slot.</value>
    public double SlotRate { get; init; } = 0.1;

    /// <summary>Weight per value of the slow level that follows long-term growth.</summary>
    /// <value>0.002 (a time constant of about five days at 15-minute sampling).</value>
    public double LevelRate { get; init; } = 0.002;

    /// <summary>Smallest weight of a new value in a slot's spread (slower than the mean: a spread needs more values).</summary>
    /// <value>0.05.</value>
    public double SpreadRate { get; init; } = 0.05;

    /// <summary>A single value this many z units off scores 0.5 on its own.</summary>
    /// <value>7 (far into the tails: a slot's spread is estimated from a few weeks of values).</value>
    public double PointZ { get; init; } = 7.0;

    /// <summary>The CUSUM allowance k in z units: persistent deviations smaller than this are not accumulated.</summary>
    /// <value>1.</value>
    public double CusumSlack { get; init; } = 1.0;

    /// <summary>The CUSUM decision level h: an accumulated deviation this large scores 0.5.</summary>
    /// <value>7.</value>
    public double CusumLimit { get; init; } = 7.0;

    /// <summary>Largest z one value adds to the CUSUM, so a lone outlier cannot raise a level-shift alarm.</summary>
    /// <value>5.</value>
    public double CusumClip { get; init; } = 5.0;

    /// <summary>Consecutive alarming values, all off the same way, after which their mean deviation is taken as the new level.</summary>
    /// <value>4 (an hour at 15-minute sampling).</value>
    public int AcceptShiftAfter { get; init; } = 4;

    /// <summary>The smallest mean z of the held values that is taken as a new level (weaker deviations are learned slowly instead).</summary>
    /// <value>3.</value>
    public double AcceptShiftZ { get; init; } = 3.0;

    /// <summary>Values after an accepted shift during which a value that fits the old level restores it.</summary>
    /// <value>192 (two days at 15-minute sampling).</value>
    public int RevertWithin { get; init; } = 192;

    /// <summary>The score at or above which a value is an alarm for the detector's own adaptation.</summary>
    /// <value>0.5.</value>
    public double AlarmScore { get; init; } = 0.5;
}
