namespace Quanet.Operations.Kpi;

/// <summary>One anomalous value of one KPI series, as <c>quanet ops detect</c> prints it.</summary>
/// <param name="Series">The series key.</param>
/// <param name="Time">The value's time as the input wrote it.</param>
/// <param name="Score">The anomaly score in [0, 1].</param>
/// <param name="Value">The value.</param>
/// <param name="Expected">What the detector expected (NaN when it has no baseline).</param>
/// <param name="WindowStart">Where the evidence began, seconds since 1970-01-01 on the series' own clock.</param>
/// <param name="WindowEnd">The value's own time on the same clock.</param>
public readonly record struct KpiAnomaly(string Series, string Time, double Score, double Value, double Expected, long WindowStart, long WindowEnd);
