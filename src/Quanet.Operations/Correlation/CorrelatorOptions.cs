namespace Quanet.Operations.Correlation;

/// <summary>Tuning of the correlator; defaults are the values the simulation results were measured with.</summary>
public sealed record CorrelatorOptions
{
    /// <summary>How long (event time) new alarms are held to let a storm arrive before grouping; also the flap filter.</summary>
    /// <value>Default 120 s.</value>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How far back a configuration change counts as evidence for a misconfiguration.</summary>
    /// <value>Default 2 h.</value>
    public TimeSpan ConfigChangeLookback { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Weight of an anchor alarm (one specific to its root cause, e.g. dying gasp for power loss).</summary>
    /// <value>Default 3.</value>
    public double AnchorWeight { get; init; } = 3;

    /// <summary>Penalty per predicted alarm that is not active.</summary>
    /// <value>Default 0.2 (alarms do get lost).</value>
    public double MissingPenalty { get; init; } = 0.2;
}
