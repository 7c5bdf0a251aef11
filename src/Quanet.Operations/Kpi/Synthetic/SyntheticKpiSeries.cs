namespace Quanet.Operations.Kpi.Synthetic;

/// <summary>One synthetic cell-traffic series and what was injected into it.</summary>
/// <param name="Times">Wall-clock seconds of each value (15-minute steps from a Monday midnight).</param>
/// <param name="Values">The traffic values.</param>
/// <param name="Kind">The injected degradation.</param>
/// <param name="Start">Index of the first degraded value (-1 for a clean series).</param>
/// <param name="End">Index of the last degraded value (the last index when it lasts to the end).</param>
internal sealed record SyntheticKpiSeries(long[] Times, double[] Values, DegradationKind Kind, int Start, int End);
