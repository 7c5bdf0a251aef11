namespace Quanet.Planning.Placement;

/// <summary>Solves a <see cref="CoverageInstance"/> for a <see cref="PlacementGoal"/>.</summary>
public interface IPlacementSolver
{
    /// <summary>Name used by <c>--solver</c> (cpsat, heuristic, qubo, anneal, qaoa).</summary>
    string Name { get; }

    /// <summary>Solves; never returns an infeasible solution marked feasible.</summary>
    /// <exception cref="Quanet.Core.QuanetException">The goal cannot be met (e.g. budget below the fixed sites' cost).</exception>
    PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default);
}
