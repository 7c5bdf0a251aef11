namespace Quanet.Operations.Correlation;

/// <summary>
/// A group of alarms with one root cause, the explanation of each alarm, the evidence and the
/// alternatives considered, and what was decided to fix it.
/// </summary>
public sealed class Incident
{
    /// <summary>Incident id, increasing.</summary>
    public required long Id { get; init; }

    /// <summary>Root-cause type.</summary>
    public required IncidentType Type { get; init; }

    /// <summary>The root-cause entity: link id (fibre cut), site id (power loss), or element id.</summary>
    public required string RootCause { get; init; }

    /// <summary>One-line description of the root cause.</summary>
    public required string Summary { get; init; }

    /// <summary>When the incident was opened (event time, microseconds since 1970).</summary>
    public long OpenedMicros { get; init; }

    /// <summary>When its first alarm was raised (event time).</summary>
    public long FirstAlarmMicros { get; init; }

    /// <summary>When it was last changed (event time).</summary>
    public long UpdatedMicros { get; set; }

    /// <summary>When all its alarms had cleared, or null while open.</summary>
    public long? ResolvedMicros { get; set; }

    /// <summary>Whether it is still open.</summary>
    public bool IsOpen => ResolvedMicros is null;

    /// <summary>Score of the chosen hypothesis (explained alarm weight minus penalty for predicted alarms not seen).</summary>
    public double Score { get; init; }

    /// <summary>The alarms, each with its explanation.</summary>
    public List<IncidentAlarm> Alarms { get; } = [];

    /// <summary>Evidence beyond alarms (e.g. a configuration change).</summary>
    public List<string> Evidence { get; } = [];

    /// <summary>
    /// KPI anomalies of the root cause or the elements it affects, from <see cref="CorrelatorOptions.KpiEvidenceLookback"/>
    /// before the first alarm until the incident resolved, oldest first (at most <see cref="CorrelatorOptions.KpiEvidenceLimit"/>).
    /// </summary>
    public List<Quanet.Operations.Kpi.KpiNotice> KpiEvidence { get; } = [];

    /// <summary>Other hypotheses that explained some of the same alarms, with their scores.</summary>
    public List<string> Alternatives { get; } = [];

    /// <summary>The remote-fix or field-visit decision, once made.</summary>
    public ResolutionDecision? Decision { get; set; }

    /// <summary>Runbook runs started for this incident.</summary>
    public List<long> RunbookRuns { get; } = [];
}
