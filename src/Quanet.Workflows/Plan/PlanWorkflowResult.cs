using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Workflows.Artifacts;
using PlacementPlan = Quanet.Planning.Scenario.Plan;

namespace Quanet.Workflows.Plan;

/// <summary>What <see cref="PlanWorkflow"/> produced; <see cref="PlanArtifactWriter"/> writes it as a plan directory.</summary>
/// <param name="Plan">The placement: scenario, chosen sites, every solver's row.</param>
/// <param name="Sites">The plan as its artifact records it (what the later steps worked on).</param>
/// <param name="Backhaul">The backhaul design, or null when the step was skipped.</param>
/// <param name="Security">The security decisions, or null when the step was skipped.</param>
public sealed record PlanWorkflowResult(PlacementPlan Plan, PlanArtifact Sites, BackhaulDesign? Backhaul, SecurityDecisions? Security)
{
    /// <summary>
    /// Whether the run was cancelled before it ended: the placement is the best found until then, and the steps
    /// not yet started (backhaul, security) are missing. <value>Default false.</value>
    /// </summary>
    public bool Interrupted { get; init; }
}
