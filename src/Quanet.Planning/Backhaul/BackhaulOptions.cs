namespace Quanet.Planning.Backhaul;

/// <summary>Options of <see cref="BackhaulDesigner"/>.</summary>
public sealed record BackhaulOptions
{
    /// <summary>Cost of one kilometre of new fibre route, in the plan's cost unit. <value>Default 1.</value></summary>
    public double CostPerKm { get; init; } = 1.0;

    /// <summary>Cost of existing fibre as a fraction of new fibre per kilometre. <value>Default 0.1.</value></summary>
    public double ExistingCostFactor { get; init; } = 0.1;

    /// <summary>
    /// Candidate routes from each node to its k nearest neighbours, added to the Delaunay triangulation's
    /// edges. <value>Default 4.</value>
    /// </summary>
    public int NearestNeighbours { get; init; } = 4;

    /// <summary>Largest number of links from any site to its PoP, or null for no limit. <value>Default null.</value></summary>
    public int? HopLimit { get; init; }

    /// <summary>Time limit of the Steiner solve. <value>Default 20 s.</value></summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Seed of the heuristic parts. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Clock. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
