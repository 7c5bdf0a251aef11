using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;

namespace Quanet.Workflows.Plan;

/// <summary>What <see cref="BackhaulWorkflow"/> produced.</summary>
/// <param name="Plan">The plan's sites as read.</param>
/// <param name="Pops">The PoPs offered.</param>
/// <param name="Design">The backhaul design.</param>
public sealed record BackhaulWorkflowResult(PlanArtifact Plan, IReadOnlyList<BackhaulNode> Pops, BackhaulDesign Design);
