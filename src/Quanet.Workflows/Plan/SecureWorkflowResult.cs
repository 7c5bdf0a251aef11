using Quanet.Planning.Backhaul;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>What <see cref="SecureWorkflow"/> produced.</summary>
/// <param name="Links">The backhaul links as read.</param>
/// <param name="Decisions">One decision per link.</param>
public sealed record SecureWorkflowResult(IReadOnlyList<BackhaulLink> Links, SecurityDecisions Decisions);
