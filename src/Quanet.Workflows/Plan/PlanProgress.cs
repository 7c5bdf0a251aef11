namespace Quanet.Workflows.Plan;

/// <summary>Progress of <see cref="PlanWorkflow"/>: the step under way and, while placing, the solver's incumbent and bound.</summary>
/// <param name="Stage">The step under way.</param>
/// <param name="Elapsed">Time spent in the step.</param>
/// <param name="Incumbent">Best objective so far (placement only).</param>
/// <param name="Bound">Best proven bound so far (placement with an exact solver only).</param>
public readonly record struct PlanProgress(PlanStage Stage, TimeSpan Elapsed, double? Incumbent = null, double? Bound = null);
