namespace Quanet.Planning.Placement;

/// <summary>One row of a solver comparison: the result, or why the solver could not run on this instance.</summary>
/// <param name="Result">The re-evaluated result, or null when the solver was not applicable.</param>
/// <param name="Skipped">Why the solver did not run (e.g. too many qubits for QAOA), or null.</param>
public sealed record PlacementComparison(PlacementResult? Result, string? Skipped)
{
    /// <summary>The solver's name.</summary>
    public string Solver { get; init; } = Result?.Solver ?? string.Empty;

    /// <summary>The best proven bound any solver in the comparison reported (upper for maximal covering, lower for set cover), or null.</summary>
    public double? BestBound { get; init; }

    /// <summary>Relative gap of this row's objective to <see cref="BestBound"/>, or null (no bound, no result, or infeasible).</summary>
    public double? GapToBestBound => Result is { Feasible: true } r && BestBound is { } b
        ? Math.Abs(b - r.Objective) / Math.Max(Math.Abs(r.Objective), 1e-9)
        : null;
}
