namespace Quanet.Cluster.Chaos;

/// <summary>One kill of a chaos run and how long the cluster took to recover from it (seconds since the run's first request).</summary>
public sealed record ChaosKill
{
    /// <summary><c>silo</c>, <c>nats</c> or <c>collector</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The killed process (<c>silo-2</c>, <c>n3</c>, <c>collector-1</c>).</summary>
    public required string Victim { get; init; }

    /// <summary>Events acknowledged when it was killed.</summary>
    public required long AtEvent { get; init; }

    /// <summary>When it was killed with SIGKILL.</summary>
    public required double KilledAtSeconds { get; init; }

    /// <summary>When its restart was ready again (null: it did not come back).</summary>
    public double? RestartedAtSeconds { get; init; }

    /// <summary>From the kill until every sender with events left had a 202 for a request it sent after the kill (null: no sender had events left).</summary>
    public double? IngestSeconds { get; init; }

    /// <summary>From the kill until every region with acknowledged events not yet applied at the kill applied a batch again (null: no region had any).</summary>
    public double? CorrelationSeconds { get; init; }

    /// <summary>
    /// From the kill until every region that was sent events in the second after the kill had applied one of the
    /// events sent after the kill: accepted and processed end to end again (null: no region was sent any).
    /// </summary>
    public double? EndToEndSeconds { get; init; }

    /// <summary>The largest of <see cref="IngestSeconds"/>, <see cref="CorrelationSeconds"/> and <see cref="EndToEndSeconds"/>.</summary>
    public required double RecoverySeconds { get; init; }

    /// <summary>
    /// The other kills (victims) that fell within this kill's recovery: its figure then includes theirs. Each kill's
    /// figure is measured from its own kill either way.
    /// </summary>
    public IReadOnlyList<string> Overlaps { get; init; } = [];
}
