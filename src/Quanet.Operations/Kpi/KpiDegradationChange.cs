namespace Quanet.Operations.Kpi;

/// <summary>An element whose KPIs became degraded (see <see cref="KpiNoticeOptions.DegradedRun"/>) or recovered.</summary>
/// <param name="Source">The network element.</param>
/// <param name="Started">true: degraded from now on; false: recovered.</param>
/// <param name="Micros">When (the value's time, microseconds since 1970).</param>
/// <param name="Reason">Which rule fired, in words.</param>
/// <param name="Evidence">The element's newest notices when it became degraded (empty on recovery).</param>
public sealed record KpiDegradationChange(string Source, bool Started, long Micros, string Reason, IReadOnlyList<KpiNotice> Evidence);
