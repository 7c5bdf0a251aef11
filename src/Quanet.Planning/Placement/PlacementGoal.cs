namespace Quanet.Planning.Placement;

/// <summary>Which placement problem to solve.</summary>
public enum PlacementKind
{
    /// <summary>Maximal covering: most demand covered with at most <see cref="PlacementGoal.MaxSites"/> sites and/or within <see cref="PlacementGoal.Budget"/>.</summary>
    MaximalCovering,

    /// <summary>Set cover: least cost reaching <see cref="PlacementGoal.CoverageTarget"/> of the total demand.</summary>
    SetCover,
}

/// <summary>The objective and limits of a placement solve.</summary>
public sealed record PlacementGoal
{
    /// <summary>The problem. <value>Default maximal covering.</value></summary>
    public PlacementKind Kind { get; init; } = PlacementKind.MaximalCovering;

    /// <summary>At most this many sites (maximal covering), or null.</summary>
    public int? MaxSites { get; init; }

    /// <summary>Total site cost at most this (maximal covering), or null.</summary>
    public double? Budget { get; init; }

    /// <summary>Fraction of total demand to cover (set cover), in (0, 1]. <value>Default 1.</value></summary>
    public double CoverageTarget { get; init; } = 1.0;

    /// <summary>Penalty per unit of demand covered by more than one site (interference/overlap). <value>Default 0.</value></summary>
    public double OverlapPenalty { get; init; }
}
