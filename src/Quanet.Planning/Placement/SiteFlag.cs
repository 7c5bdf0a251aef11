namespace Quanet.Planning.Placement;

/// <summary>What the planner may do with a candidate site.</summary>
public enum SiteFlag
{
    /// <summary>The solver decides.</summary>
    Free,

    /// <summary>The site must be built (an existing mast).</summary>
    Fixed,

    /// <summary>The site must not be built.</summary>
    Forbidden,
}
