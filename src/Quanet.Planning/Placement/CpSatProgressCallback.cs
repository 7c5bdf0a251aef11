using Google.OrTools.Sat;

namespace Quanet.Planning.Placement;

/// <summary>Reports every improving CP-SAT solution (incumbent and bound in original units) to the caller's progress sink.</summary>
internal sealed class CpSatProgressCallback(CpSatCoverageModel model, SearchClock clock, IProgress<PlacementProgress>? progress) : CpSolverSolutionCallback
{
    /// <summary>Solutions seen.</summary>
    public int Solutions { get; private set; }

    /// <inheritdoc />
    public override void OnSolutionCallback()
    {
        Solutions++;
        progress?.Report(new PlacementProgress(clock.Elapsed, model.ToOriginal(ObjectiveValue()), model.BoundToOriginal(BestObjectiveBound())));
    }
}
