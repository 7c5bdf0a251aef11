namespace Quanet.Defence.Telemetry;

/// <summary>Limits that hostile telemetry cannot exceed.</summary>
public sealed record TelemetryLimits
{
    /// <summary>Longest accepted line in bytes. <value>Default 16 KiB.</value></summary>
    public int MaxLineBytes { get; init; } = 16 * 1024;

    /// <summary>Longest accepted text field in characters. <value>Default 2048.</value></summary>
    public int MaxFieldLength { get; init; } = 2048;

    /// <summary>Deepest accepted JSON nesting. <value>Default 8.</value></summary>
    public int MaxJsonDepth { get; init; } = 8;
}
