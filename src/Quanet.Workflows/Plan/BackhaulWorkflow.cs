using Quanet.Planning.Backhaul;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>
/// The backhaul use case on a written plan: reads the plan directory once, takes the PoPs from a file or the most
/// populous places, and designs the tree; <see cref="PlanArtifactWriter.WriteBackhaul"/> writes it.
/// </summary>
public static class BackhaulWorkflow
{
    /// <summary>Runs the request.</summary>
    /// <exception cref="ArgumentException">The request is invalid (every problem in the message).</exception>
    /// <exception cref="Quanet.Core.QuanetException">No plan in the directory, a malformed input file, or no design possible.</exception>
    public static BackhaulWorkflowResult Run(BackhaulWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var plan = PlanDirectory.ReadPlan(request.PlanDirectory);
        var sites = plan.BackhaulSites();
        var pops = request.PopsFile is { } popsFile ? BackhaulFiles.ReadPops(popsFile)
            : request.PlaceFiles.Count > 0 ? BackhaulFiles.LargestPlaces(request.PlaceFiles, sites, request.Step.PopCount)
            : BackhaulFiles.LargestPlaces(sites, request.Step.PopCount);
        var fibre = request.ExistingFibreFile is { } fibreFile ? BackhaulFiles.ReadExistingFibre(fibreFile) : [];
        return new BackhaulWorkflowResult(plan, pops, PlanSteps.Backhaul(plan, pops, fibre, request.Step.Design, cancellationToken));
    }
}
