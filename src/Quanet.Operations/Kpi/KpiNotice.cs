namespace Quanet.Operations.Kpi;

/// <summary>
/// A KPI anomaly the operations engine found in a committed VES measurement event, as stored, listed and attached
/// to incidents as their KPI evidence.
/// </summary>
public sealed record KpiNotice
{
    /// <summary>The network element that reported the series (the event's <c>sourceName</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The series key, <c>sourceName/group/name</c>.</summary>
    public required string Series { get; init; }

    /// <summary>The value's time as the event gave it (<c>startEpochMicrosec</c>).</summary>
    public required string Time { get; init; }

    /// <summary>The anomaly score in [0, 1].</summary>
    public double Score { get; init; }

    /// <summary>The value.</summary>
    public double Value { get; init; }

    /// <summary>What the detector expected, or null while it had no baseline.</summary>
    public double? Expected { get; init; }

    /// <summary>Where the evidence began, seconds since 1970-01-01.</summary>
    public long WindowStart { get; init; }

    /// <summary>The value's own time, seconds since 1970-01-01.</summary>
    public long WindowEnd { get; init; }

    /// <summary>The value's time in microseconds since 1970-01-01 (the correlator's event time).</summary>
    public long Micros => WindowEnd * 1_000_000L;

    internal static KpiNotice From(string source, KpiAnomaly a) => new()
    {
        Source = source,
        Series = a.Series,
        Time = a.Time,
        Score = a.Score,
        Value = a.Value,
        Expected = double.IsFinite(a.Expected) ? a.Expected : null,
        WindowStart = a.WindowStart,
        WindowEnd = a.WindowEnd,
    };
}
