using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Kpi;

/// <summary>The detectors <c>quanet ops detect</c> runs per series: the seasonal KPI detector and every NAB detector.</summary>
public static class KpiDetectors
{
    /// <summary>The default: the seasonal KPI detector.</summary>
    public const string Default = "seasonal";

    /// <summary>
    /// Rows a NAB detector learns before it may alarm: NAB's largest probation period. The seasonal detector
    /// learns by days instead (<see cref="SeasonalKpiOptions.LearningDays"/>).
    /// </summary>
    public const int LearningRows = 750;

    /// <summary>Every detector name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Default, .. AnomalyDetectors.Names];

    /// <summary>Creates detector <paramref name="name"/> for one series.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    internal static IKpiDetector Create(string name) =>
        name == Default ? new SeasonalKpiDetector() : new ValueDetectorAdapter(AnomalyDetectors.Create(name, LearningRows));
}
