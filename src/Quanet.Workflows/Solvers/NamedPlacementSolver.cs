using Quanet.Planning.Placement;

namespace Quanet.Workflows.Solvers;

/// <summary>A placement solver under another name (a comparison row such as <c>qubo-hybrid (exact)</c>).</summary>
/// <param name="inner">The solver that runs.</param>
/// <param name="name">The name its rows and results carry.</param>
internal sealed class NamedPlacementSolver(IPlacementSolver inner, string name) : IPlacementSolver
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default) =>
        inner.Solve(instance, goal, options, cancellationToken) with { Solver = name };
}
