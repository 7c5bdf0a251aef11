namespace Quanet.Operations.Anomaly;

/// <summary>A labelled anomaly window as 0-based row indices into its series, both ends inclusive.</summary>
/// <param name="Start">First row of the window.</param>
/// <param name="End">Last row of the window (<c>&gt;= Start</c>).</param>
public readonly record struct AnomalyWindow(int Start, int End)
{
    /// <summary>Number of rows in the window.</summary>
    public int Length => End - Start + 1;
}
