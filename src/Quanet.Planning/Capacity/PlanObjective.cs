namespace Quanet.Planning.Capacity;

/// <summary>What the placement maximises (<c>--objective</c>).</summary>
public enum PlanObjective
{
    /// <summary>People within the link budget's coverage (the covering problem as it is).</summary>
    Coverage,

    /// <summary>People covered with an SINR of at least the minimum, interference of the chosen sites included.</summary>
    Sinr,

    /// <summary>Busy-hour traffic served within each site's capacity.</summary>
    Traffic,
}
