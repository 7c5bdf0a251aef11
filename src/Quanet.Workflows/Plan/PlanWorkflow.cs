using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>
/// The plan use case: scenario, then placement, then (optionally) the fibre backhaul of the chosen sites to the most
/// populous embedded places as PoPs, then (optionally) the protection of every backhaul link. The steps pass typed
/// objects, never files; <see cref="PlanArtifactWriter.WritePlan"/> writes the result as a plan directory.
/// </summary>
/// <param name="timeProvider">Clock of the scenario and placement; null for the system clock.</param>
public sealed class PlanWorkflow(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Runs the request on the thread pool.</summary>
    /// <param name="request">The request; validated first, every problem reported together.</param>
    /// <param name="progress">Receives the step under way and the placement's incumbent and bound; null for none.</param>
    /// <param name="cancellationToken">
    /// Cancels the run. Before placement has an answer the task is cancelled; once placement is under way the
    /// solvers stop as at their time limit and the task returns the best plan so far, marked
    /// <see cref="PlanWorkflowResult.Interrupted"/>, without the steps not yet started.
    /// </param>
    /// <exception cref="ArgumentException">The request is invalid (every problem in the message).</exception>
    /// <exception cref="Quanet.Core.QuanetException">The scenario cannot be planned (unknown region, no demand, impossible goal).</exception>
    public Task<PlanWorkflowResult> RunAsync(PlanWorkflowRequest request, IProgress<PlanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Task.Run(() => Run(request, progress, cancellationToken), cancellationToken);
    }

    private PlanWorkflowResult Run(PlanWorkflowRequest request, IProgress<PlanProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new PlanProgress(PlanStage.Scenario, TimeSpan.Zero));
        var scenario = ScenarioBuilder.Build(request.Scenario, _time);
        cancellationToken.ThrowIfCancellationRequested();

        // the solver only gets a progress sink when someone listens: a callback changes how CP-SAT runs
        var options = new PlacementOptions
        {
            Seed = request.Seed,
            TimeLimit = request.TimeLimit,
            TimeProvider = _time,
            Progress = progress is null ? null : new Relay(progress),
            Stop = cancellationToken,
            QuboFormulation = request.QuboFormulation,
        };
        progress?.Report(new PlanProgress(PlanStage.Placement, TimeSpan.Zero));
        var plan = CapacityPlanner.Solve(scenario, request.Solvers, options, CancellationToken.None);
        var sites = PlanArtifact.From(plan);
        if (cancellationToken.IsCancellationRequested)
        {
            return new PlanWorkflowResult(plan, sites, null, null) { Interrupted = true };
        }

        BackhaulDesign? backhaul = null;
        if (request.Backhaul is { } b)
        {
            progress?.Report(new PlanProgress(PlanStage.Backhaul, TimeSpan.Zero));
            var pops = BackhaulFiles.LargestPlaces(sites.BackhaulSites(), b.PopCount);
            backhaul = PlanSteps.Backhaul(sites, pops, [], b.Design, CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                return new PlanWorkflowResult(plan, sites, backhaul, null) { Interrupted = true };
            }
        }

        SecurityDecisions? security = null;
        if (request.Security is { } policy && backhaul is not null)
        {
            progress?.Report(new PlanProgress(PlanStage.Security, TimeSpan.Zero));
            security = PlanSteps.Secure(backhaul.Links, policy, CancellationToken.None);
        }

        return new PlanWorkflowResult(plan, sites, backhaul, security);
    }

    private sealed class Relay(IProgress<PlanProgress> target) : IProgress<PlacementProgress>
    {
        public void Report(PlacementProgress value) => target.Report(new PlanProgress(PlanStage.Placement, value.Elapsed, value.Incumbent, value.Bound));
    }
}
