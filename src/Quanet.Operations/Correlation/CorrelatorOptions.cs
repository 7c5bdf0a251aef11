namespace Quanet.Operations.Correlation;

/// <summary>Tuning of the correlator; defaults are the values the simulation results were measured with.</summary>
public sealed record CorrelatorOptions
{
    /// <summary>How long (event time) new alarms are held to let a storm arrive before grouping; also the flap filter.</summary>
    /// <value>Default 180 s (link micro-breaks shorter than that open no incident).</value>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>How far before the first alarm it would explain a configuration change counts as evidence for a misconfiguration.</summary>
    /// <value>Default 2 h.</value>
    public TimeSpan ConfigChangeLookback { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Weight of an anchor alarm (one specific to its root cause, e.g. dying gasp for power loss).</summary>
    /// <value>Default 3.</value>
    public double AnchorWeight { get; init; } = 3;

    /// <summary>
    /// Whether unexplained alarms of WARNING severity become notices (listed, counted as alarms, no
    /// incident) instead of unclassified incidents, as NOCs commonly do not ticket warnings.
    /// </summary>
    /// <value>Default true.</value>
    public bool WarningsAsNotices { get; init; } = true;

    /// <summary>
    /// How far an event's time may lie from the stream's event-time watermark (the latest admitted event time)
    /// before <see cref="AlarmCorrelator.Admit"/> quarantines it: ahead by more than this (lastEpochMicrosec or
    /// startEpochMicrosec), or behind by more than this (lastEpochMicrosec). Must be positive.
    /// </summary>
    /// <value>Default 24 h.</value>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Penalty per predicted alarm that is not active.</summary>
    /// <value>Default 0.2 (alarms do get lost).</value>
    public double MissingPenalty { get; init; } = 0.2;

    /// <summary>
    /// For a correlator that is given only part of the network's events (one region of a cluster): whether alarms
    /// from an element or site (by ID) reach it. A predicted alarm of a source it does not see is neither evidence
    /// nor missing, so a cause is scored on what this correlator could have observed. Null: it sees everything.
    /// </summary>
    /// <value>Default null.</value>
    public Func<string, bool>? SeesSource { get; init; }

    /// <summary>How far before an incident's first alarm a KPI anomaly of its elements still counts as its evidence.</summary>
    /// <value>Default 1 h (four 15-minute measurement periods: KPIs often sag before an element alarms).</value>
    public TimeSpan KpiEvidenceLookback { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Most KPI anomalies one incident carries (the first ones).</summary>
    /// <value>Default 50.</value>
    public int KpiEvidenceLimit { get; init; } = 50;
}
