namespace Quanet.Server.Plans;

/// <summary>Live progress of a running job (the <c>progress</c> event of <c>/events</c>).</summary>
/// <param name="Stage">scenario, placement, backhaul or security.</param>
/// <param name="ElapsedSeconds">Seconds since the job started.</param>
/// <param name="Incumbent">The placement's best objective so far.</param>
/// <param name="Bound">The placement's best proven bound so far.</param>
/// <param name="Gap">Relative gap between them.</param>
internal sealed record PlanJobProgress(string Stage, double ElapsedSeconds, double? Incumbent, double? Bound, double? Gap);
