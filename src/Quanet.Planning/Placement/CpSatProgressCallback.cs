using Google.OrTools.Sat;

namespace Quanet.Planning.Placement;

/// <summary>
/// Reports every improving CP-SAT solution (incumbent and bound in original units) to the caller's progress
/// sink, and stops the search once the incumbent is within the gap limit of the best bound, counting the
/// bound proven outside CP-SAT (Lagrangian) too.
/// </summary>
internal sealed class CpSatProgressCallback(CpSatCoverageModel model, SearchClock clock, PlacementOptions options, double? externalBound) : CpSolverSolutionCallback
{
    /// <summary>Solutions seen.</summary>
    public int Solutions { get; private set; }

    /// <summary>Whether the search was stopped because the external bound closed the gap.</summary>
    public bool ClosedByExternalBound { get; private set; }

    /// <inheritdoc />
    public override void OnSolutionCallback()
    {
        Solutions++;
        var incumbent = model.ToOriginal(ObjectiveValue());
        var bound = model.BoundToOriginal(BestObjectiveBound());
        if (externalBound is { } e)
        {
            bound = model.Maximize ? Math.Min(bound, e) : Math.Max(bound, e);
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, incumbent, bound));
        var gap = Math.Abs(bound - incumbent) / Math.Max(Math.Abs(incumbent), 1e-9);
        if (externalBound is not null && gap <= Math.Max(options.RelativeGapLimit, 1e-9))
        {
            ClosedByExternalBound = true;
            StopSearch();
        }
    }
}
