using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>
/// The secure use case on a written plan: reads the directory's backhaul once and decides QKD direct, QKD via trusted
/// nodes or the PQC hybrid for every link; <see cref="PlanArtifactWriter.WriteSecurity"/> writes the decisions.
/// </summary>
public static class SecureWorkflow
{
    /// <summary>Runs the policy on the backhaul of <paramref name="planDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The policy is invalid (every problem in the message).</exception>
    /// <exception cref="Quanet.Core.QuanetException">No backhaul in the directory, or a malformed one.</exception>
    public static SecureWorkflowResult Run(string planDirectory, SecurityPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planDirectory);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = policy.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var links = PlanDirectory.ReadBackhaul(planDirectory);
        return new SecureWorkflowResult(links, PlanSteps.Secure(links, policy, cancellationToken));
    }
}
