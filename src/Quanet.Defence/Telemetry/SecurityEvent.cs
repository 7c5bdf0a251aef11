namespace Quanet.Defence.Telemetry;

/// <summary>A normalised security telemetry record.</summary>
/// <param name="Timestamp">When it happened.</param>
public abstract record SecurityEvent(DateTimeOffset Timestamp)
{
    /// <summary>The telemetry kind.</summary>
    public abstract TelemetryKind Kind { get; }

    /// <summary>A one-line description used as evidence.</summary>
    public abstract string Describe();
}
