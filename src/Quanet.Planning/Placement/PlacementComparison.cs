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

    /// <summary>
    /// What the row's quantum path needs on hardware (embedding on Pegasus and Zephyr, routed QAOA depth on heavy-hex),
    /// computed from <see cref="PlacementResult.HardwareModel"/>; null for classical solvers. <value>Default null.</value>
    /// </summary>
    public Quanet.Optimization.Hardware.HardwareFootprint? Footprint { get; init; }

    /// <summary>
    /// How far this row's objective is from <see cref="BestBound"/>, relative to the bound: |bound - objective| / |bound|
    /// (so "1 % above the optimum" of a set cover, or "covers 1 % fewer people" than a proven maximal covering, is 0.01;
    /// an empty selection against a positive bound is 1), or null (no bound, no result, or infeasible).
    /// </summary>
    public double? GapToBestBound => Result is { Feasible: true } r && BestBound is { } b
        ? Math.Abs(b - r.Objective) / Math.Max(Math.Abs(b), 1e-9)
        : null;
}
