namespace Quanet.Operations.Kpi.Synthetic;

/// <summary>How a detector did on a synthetic degradation set.</summary>
/// <param name="Degradations">Injected degradations.</param>
/// <param name="Detected">Degradations alarmed between their start and one day after their end.</param>
/// <param name="MedianDelay">Median intervals from the first degraded value to the first alarm (0: the first degraded value alarmed); a missed degradation counts as infinitely late.</param>
/// <param name="MedianDelayByKind">The same median per kind.</param>
/// <param name="FalseAlarms">Alarm episodes (runs of consecutive alarming values) that start outside every degradation and its day of grace, after the learning days.</param>
/// <param name="SeriesDays">Days scored for false alarms (every series' days after the learning days).</param>
internal sealed record DegradationScore(
    int Degradations,
    int Detected,
    double MedianDelay,
    IReadOnlyDictionary<DegradationKind, double> MedianDelayByKind,
    int FalseAlarms,
    double SeriesDays)
{
    /// <summary>False alarms per 100 series-days.</summary>
    public double FalseAlarmsPer100SeriesDays => SeriesDays > 0 ? 100.0 * FalseAlarms / SeriesDays : 0.0;
}
