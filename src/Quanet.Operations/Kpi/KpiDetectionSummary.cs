namespace Quanet.Operations.Kpi;

/// <summary>What one run of <see cref="KpiDetection.Run"/> saw.</summary>
/// <param name="Rows">Samples read.</param>
/// <param name="Missing">Rows skipped because their value was empty or <c>NaN</c>.</param>
/// <param name="Series">Distinct series.</param>
/// <param name="Anomalies">Anomalies reported.</param>
/// <param name="StateBytesPerSeries">Mean detector state per series in bytes (0 when the detector does not say).</param>
public sealed record KpiDetectionSummary(long Rows, long Missing, int Series, long Anomalies, double StateBytesPerSeries);
