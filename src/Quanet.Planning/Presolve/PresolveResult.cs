using Quanet.Planning.Placement;

namespace Quanet.Planning.Presolve;

/// <summary>A reduced instance and how to map its solutions back to the original one.</summary>
public sealed class PresolveResult
{
    internal PresolveResult(CoverageInstance original, CoverageInstance reduced, PlacementGoal reducedGoal, int[] siteMap, int[][] demandGroups, double uncoverableDemand)
    {
        Original = original;
        Reduced = reduced;
        ReducedGoal = reducedGoal;
        SiteMap = siteMap;
        DemandGroups = demandGroups;
        UncoverableDemand = uncoverableDemand;
    }

    /// <summary>The instance before presolve.</summary>
    public CoverageInstance Original { get; }

    /// <summary>The reduced instance the solver gets.</summary>
    public CoverageInstance Reduced { get; }

    /// <summary>The goal restated for the reduced instance (set-cover targets rescaled to the coverable demand).</summary>
    public PlacementGoal ReducedGoal { get; }

    /// <summary>Original index of each reduced site.</summary>
    public int[] SiteMap { get; }

    /// <summary>Original demand indices merged into each reduced demand point.</summary>
    public int[][] DemandGroups { get; }

    /// <summary>Weight of the demand no site can cover (dropped).</summary>
    public double UncoverableDemand { get; }

    /// <summary>Sites removed (forbidden or dominated).</summary>
    public int RemovedSites => Original.SiteCount - Reduced.SiteCount;

    /// <summary>Demand points removed (merged or uncoverable).</summary>
    public int RemovedDemand => Original.DemandCount - Reduced.DemandCount;

    /// <summary>Maps a solution of the reduced instance to original site indices; the values carry over unchanged.</summary>
    public PlacementResult MapBack(PlacementResult reduced)
    {
        ArgumentNullException.ThrowIfNull(reduced);
        var sites = new int[reduced.Sites.Length];
        for (var k = 0; k < sites.Length; k++)
        {
            sites[k] = SiteMap[reduced.Sites[k]];
        }

        Array.Sort(sites);
        return reduced with { Sites = sites };
    }
}
