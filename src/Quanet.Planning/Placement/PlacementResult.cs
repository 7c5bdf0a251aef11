namespace Quanet.Planning.Placement;

/// <summary>A placement solver's answer, always re-evaluated on the instance before it is returned.</summary>
public sealed record PlacementResult
{
    /// <summary>The solver's name.</summary>
    public required string Solver { get; init; }

    /// <summary>Indices of the chosen sites, ascending.</summary>
    public required int[] Sites { get; init; }

    /// <summary>Demand weight covered by the chosen sites (respecting capacities).</summary>
    public required double CoveredDemand { get; init; }

    /// <summary>Total cost of the chosen sites.</summary>
    public required double Cost { get; init; }

    /// <summary>The objective value (covered demand minus overlap penalty, or cost for set cover).</summary>
    public required double Objective { get; init; }

    /// <summary>The best proven bound on the objective (upper for maximisation, lower for minimisation), or null if none.</summary>
    public double? Bound { get; init; }

    /// <summary>Whether optimality is proven.</summary>
    public bool Optimal { get; init; }

    /// <summary>Whether the solution meets every constraint of the goal.</summary>
    public required bool Feasible { get; init; }

    /// <summary>
    /// Whether the solver's raw answer violated the goal (e.g. a QUBO sample breaking the site budget) and was
    /// repaired into the returned solution. <value>Default false.</value>
    /// </summary>
    public bool Repaired { get; init; }

    /// <summary>The hybrid loop's work and where its improvement came from (<c>qubo-hybrid</c> only). <value>Default null.</value></summary>
    public Quanet.Optimization.Hybrid.HybridStatistics? Hybrid { get; init; }

    /// <summary>Wall-clock time of the solve.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Relative gap |bound - objective| / max(|objective|, 1e-9), or null without a bound.</summary>
    public double? Gap => Bound is { } b ? Math.Abs(b - Objective) / Math.Max(Math.Abs(Objective), 1e-9) : null;
}
