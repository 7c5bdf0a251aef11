namespace Quanet.Operations.Ingestion;

/// <summary>Filters for listing alarms (all optional).</summary>
public sealed record AlarmQuery
{
    /// <summary>Only active (true), only cleared (false), or both (null, the default is active only).</summary>
    public bool? Active { get; init; } = true;

    /// <summary>Only acknowledged (true) or unacknowledged (false) alarms.</summary>
    public bool? Acknowledged { get; init; }

    /// <summary>Only alarms on this source (exact) or under it (prefix ending with <c>/</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Only alarms at least this severe.</summary>
    public VesSeverity? MinSeverity { get; init; }

    /// <summary>Only alarms with this condition.</summary>
    public string? Condition { get; init; }

    /// <summary>At most this many alarms, newest first (default 1000).</summary>
    public int Limit { get; init; } = 1000;
}
