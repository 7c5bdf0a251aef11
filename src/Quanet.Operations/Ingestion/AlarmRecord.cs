namespace Quanet.Operations.Ingestion;

/// <summary>
/// One alarm in the alarm list, in the spirit of the 3GPP TS 28.532 fault supervision AlarmRecord:
/// raised by the first event of its <see cref="AlarmKey"/>, updated by repeats, closed by a clear.
/// </summary>
public sealed record AlarmRecord
{
    /// <summary>Alarm id (alarmId), unique and increasing.</summary>
    public required long AlarmId { get; init; }

    /// <summary>The alarmed object (objectInstance): VES sourceName.</summary>
    public required string Source { get; init; }

    /// <summary>The alarm condition (probableCause): VES alarmCondition.</summary>
    public required string Condition { get; init; }

    /// <summary>The interface inside the object (alarmInterfaceA), or empty.</summary>
    public string Interface { get; init; } = "";

    /// <summary>VES domain of the raising event (fault or thresholdCrossingAlert).</summary>
    public required string Domain { get; init; }

    /// <summary>VES eventName of the last event.</summary>
    public required string EventName { get; init; }

    /// <summary>specificProblem of the last event.</summary>
    public string SpecificProblem { get; init; } = "";

    /// <summary>The entity that reported the alarm (VES reportingEntityName).</summary>
    public string ReportingEntity { get; init; } = "";

    /// <summary>Perceived severity of the last raising event.</summary>
    public VesSeverity Severity { get; init; }

    /// <summary>When the alarm was raised, in microseconds since 1970 (event time).</summary>
    public long RaisedMicros { get; init; }

    /// <summary>When the alarm last changed, in microseconds since 1970 (event time).</summary>
    public long ChangedMicros { get; init; }

    /// <summary>When the alarm was cleared, or null while active.</summary>
    public long? ClearedMicros { get; init; }

    /// <summary>Number of events folded into this alarm (raise and repeats).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Whether an operator acknowledged it.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AckUser { get; init; }

    /// <summary>When it was acknowledged (microseconds since 1970, wall clock).</summary>
    public long? AckMicros { get; init; }

    /// <summary>Who cleared it by hand, or null when the network cleared it.</summary>
    public string? ClearUser { get; init; }

    /// <summary>Sequence number of the last stored event folded into this state (0: none recorded).</summary>
    internal long EventSeq { get; init; }

    /// <summary>Whether the alarm is still active.</summary>
    public bool IsActive => ClearedMicros is null;

    /// <summary>The deduplication key.</summary>
    public AlarmKey Key => new(Source, Condition, Interface);
}
