namespace Quanet.Operations.Anomaly;

/// <summary>
/// The corpus score when every scorable row whose anomaly score is <c>&gt;= Threshold</c> is a detection,
/// with NAB's row counts (rows in windows detected = tp, rows outside windows detected = fp).
/// </summary>
/// <param name="Threshold">Detection threshold on the anomaly score.</param>
/// <param name="Score">Raw (unnormalised) NAB score.</param>
/// <param name="TruePositives">Detected rows inside windows.</param>
/// <param name="TrueNegatives">Undetected rows outside windows.</param>
/// <param name="FalsePositives">Detected rows outside windows.</param>
/// <param name="FalseNegatives">Undetected rows inside windows.</param>
public readonly record struct NabThresholdScore(
    double Threshold, double Score, int TruePositives, int TrueNegatives, int FalsePositives, int FalseNegatives);
