using Quanet.Core;

namespace Quanet.Planning.Placement;

/// <summary>Runs several placement solvers on one instance and goal: the planner's comparison table.</summary>
public static class PlacementComparer
{
    /// <summary>
    /// Runs each solver on the same instance and goal, one after the other, each with the full time limit,
    /// and returns their re-evaluated results in order. A solver that cannot handle the instance (e.g. QAOA
    /// beyond its qubit limit) is reported by a row with no result and the reason, rather than aborting the
    /// comparison; an impossible goal still throws.
    /// </summary>
    /// <exception cref="QuanetException">The goal cannot be met by any selection.</exception>
    public static IReadOnlyList<PlacementComparison> Compare(
        CoverageInstance instance, PlacementGoal goal, PlacementOptions options, IEnumerable<IPlacementSolver> solvers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(solvers);
        GoalValidator.Check(instance, goal);
        var results = new List<PlacementComparison>();
        foreach (var solver in solvers)
        {
            try
            {
                results.Add(new PlacementComparison(solver.Solve(instance, goal, options, cancellationToken), null));
            }
            catch (SolverUnavailableException ex)
            {
                results.Add(new PlacementComparison(null, ex.Message) { Solver = solver.Name });
            }
        }

        // every row's gap is measured against the best bound any solver proved
        double? best = null;
        foreach (var row in results)
        {
            if (row.Result?.Bound is { } b)
            {
                best = best is null ? b : goal.Kind == PlacementKind.SetCover ? Math.Max(best.Value, b) : Math.Min(best.Value, b);
            }
        }

        return results.ConvertAll(row => row with { BestBound = best });
    }
}
