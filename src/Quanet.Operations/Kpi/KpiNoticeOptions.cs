namespace Quanet.Operations.Kpi;

/// <summary>
/// How the operations engine turns measurement events into KPI notices: the detector, what it keeps, how it
/// restarts and when anomalies make a KPI degradation without alarms. Defaults are stated per property.
/// </summary>
public sealed record KpiNoticeOptions
{
    /// <summary>One of <see cref="KpiDetectors.Names"/>.</summary>
    /// <value>Default <see cref="KpiDetectors.Default"/> (the seasonal KPI detector).</value>
    public string Detector { get; init; } = KpiDetectors.Default;

    /// <summary>Scores at or above it are notices.</summary>
    /// <value>Default 0.5.</value>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Notices kept in the store, the oldest deleted first.</summary>
    /// <value>Default 100,000.</value>
    public int RetainCount { get; init; } = 100_000;

    /// <summary>Notices older than this (before the newest notice's time) are deleted.</summary>
    /// <value>Default 30 days.</value>
    public TimeSpan RetainAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How far back (before the newest stored measurement) the detectors are rebuilt from the stored measurement
    /// events when the engine opens a store. The seasonal detector learns for 14 days: a shorter replay starts its
    /// series cold, and they raise no notice until they have learnt again.
    /// </summary>
    /// <value>Default 21 days.</value>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromDays(21);

    /// <summary>Consecutive anomalous values of one series that make its element degraded (and as many normal ones on each of its degraded series to end it).</summary>
    /// <value>Default 3.</value>
    public int DegradedRun { get; init; } = 3;

    /// <summary>Anomalous KPIs of one element in one measurement event that make it degraded at once.</summary>
    /// <value>Default 3.</value>
    public int DegradedKpis { get; init; } = 3;

    /// <summary>Notices of one element an opening degradation carries as evidence (its newest).</summary>
    /// <value>Default 16.</value>
    public int EvidencePerElement { get; init; } = 16;

    /// <summary>The problems with these options, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!KpiDetectors.Names.Contains(Detector))
        {
            problems.Add($"unknown detector '{Detector}'");
        }

        if (!(Threshold is > 0 and <= 1))
        {
            problems.Add("threshold must be in (0, 1]");
        }

        if (RetainCount < 1 || DegradedRun < 1 || DegradedKpis < 1 || EvidencePerElement < 1)
        {
            problems.Add("retain count, degraded run, degraded KPIs and evidence per element must be at least 1");
        }

        if (RetainAge <= TimeSpan.Zero || ReplayWindow < TimeSpan.Zero)
        {
            problems.Add("retain age must be positive and the replay window not negative");
        }

        return problems;
    }
}
