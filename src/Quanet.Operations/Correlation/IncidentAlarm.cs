namespace Quanet.Operations.Correlation;

/// <summary>An alarm attached to an incident and why it belongs there.</summary>
public sealed record IncidentAlarm
{
    /// <summary>The alarm id in the alarm list.</summary>
    public required long AlarmId { get; init; }

    /// <summary>Alarm condition.</summary>
    public required string Condition { get; init; }

    /// <summary>Alarmed element (VES sourceName).</summary>
    public required string Source { get; init; }

    /// <summary>Alarmed interface, or empty.</summary>
    public string Interface { get; init; } = "";

    /// <summary>When it was raised (microseconds since 1970, event time).</summary>
    public long RaisedMicros { get; init; }

    /// <summary>Whether it has cleared.</summary>
    public bool Cleared { get; set; }

    /// <summary>Why this alarm belongs to the incident (how the root cause produces it).</summary>
    public required string Explanation { get; init; }
}
