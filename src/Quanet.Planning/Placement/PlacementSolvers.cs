using Quanet.Core;

namespace Quanet.Planning.Placement;

/// <summary>
/// The placement solvers behind <c>--solver</c>: <c>cpsat</c> (exact), <c>heuristic</c> (greedy + local
/// search), <c>qubo</c> (QUBO solved by the engine's sampler, repaired if needed), <c>anneal</c>
/// (budget-feasible swap annealing) and <c>qaoa</c> (QUBO on a simulated QAOA circuit, tiny instances only).
/// </summary>
public static class PlacementSolvers
{
    /// <summary>Every solver name, in the order <see cref="Compare"/> runs them by default.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpsat", "heuristic", "anneal", "qubo", "qaoa"];

    /// <summary>Creates the solver called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No solver has that name.</exception>
    public static IPlacementSolver Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "CPSAT" => new CpSatPlacementSolver(),
            "HEURISTIC" => new HeuristicPlacementSolver(),
            "ANNEAL" => new AnnealPlacementSolver(),
            "QUBO" => new QuboPlacementSolver(QuboSamplers.Annealing(), "qubo"),
            "QAOA" => new QuboPlacementSolver(QuboSamplers.Qaoa(), "qaoa", QuboPlacementSolver.QaoaMaxQubits),
            _ => throw new ArgumentException($"unknown solver '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>
    /// Runs each named solver on the same instance and goal, one after the other, each with the full time
    /// limit, and returns their re-evaluated results in order (the planner's comparison table). A solver that
    /// cannot handle the instance (e.g. QAOA beyond its qubit limit) is reported by a result with no sites,
    /// marked infeasible, rather than aborting the comparison; an impossible goal still throws.
    /// </summary>
    /// <exception cref="QuanetException">The goal cannot be met by any selection.</exception>
    public static IReadOnlyList<PlacementComparison> Compare(
        CoverageInstance instance, PlacementGoal goal, PlacementOptions options, IEnumerable<string>? names = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        GoalValidator.Check(instance, goal);
        var results = new List<PlacementComparison>();
        foreach (var name in names ?? Names)
        {
            var solver = Create(name);
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
