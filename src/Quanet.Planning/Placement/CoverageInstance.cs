namespace Quanet.Planning.Placement;

/// <summary>
/// A site-placement instance after the radio model ran: demand points with weights (population),
/// candidate sites with costs, and for every site the demand points it covers.
/// </summary>
public sealed class CoverageInstance
{
    /// <summary>Creates and validates an instance. Arrays are kept, not copied.</summary>
    /// <param name="demandWeight">Weight (population) of each demand point; non-negative.</param>
    /// <param name="siteCost">Cost of each candidate site; non-negative.</param>
    /// <param name="siteCovers">For each site, the sorted distinct indices of the demand points it covers.</param>
    /// <param name="siteFlags">Per-site fixed/forbidden flags, or null for all free.</param>
    /// <param name="siteCapacity">Per-site capacity in demand weight, or null for uncapacitated.</param>
    /// <exception cref="ArgumentException">Lengths disagree, a weight or cost is negative, or an index is out of range.</exception>
    public CoverageInstance(double[] demandWeight, double[] siteCost, int[][] siteCovers, SiteFlag[]? siteFlags = null, double[]? siteCapacity = null)
    {
        ArgumentNullException.ThrowIfNull(demandWeight);
        ArgumentNullException.ThrowIfNull(siteCost);
        ArgumentNullException.ThrowIfNull(siteCovers);
        if (siteCovers.Length != siteCost.Length)
        {
            throw new ArgumentException($"{siteCovers.Length} coverage lists for {siteCost.Length} sites", nameof(siteCovers));
        }

        if (siteFlags is not null && siteFlags.Length != siteCost.Length)
        {
            throw new ArgumentException($"{siteFlags.Length} site flags for {siteCost.Length} sites", nameof(siteFlags));
        }

        if (siteCapacity is not null && siteCapacity.Length != siteCost.Length)
        {
            throw new ArgumentException($"{siteCapacity.Length} capacities for {siteCost.Length} sites", nameof(siteCapacity));
        }

        foreach (var w in demandWeight)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("demand weights must be finite and non-negative", nameof(demandWeight));
            }
        }

        foreach (var c in siteCost)
        {
            if (!(c >= 0) || double.IsInfinity(c))
            {
                throw new ArgumentException("site costs must be finite and non-negative", nameof(siteCost));
            }
        }

        foreach (var covers in siteCovers)
        {
            for (var k = 0; k < covers.Length; k++)
            {
                if ((uint)covers[k] >= (uint)demandWeight.Length || (k > 0 && covers[k] <= covers[k - 1]))
                {
                    throw new ArgumentException("each coverage list must hold sorted distinct demand indices in range", nameof(siteCovers));
                }
            }
        }

        DemandWeight = demandWeight;
        SiteCost = siteCost;
        SiteCovers = siteCovers;
        SiteFlags = siteFlags ?? new SiteFlag[siteCost.Length];
        SiteCapacity = siteCapacity;
        var total = 0.0;
        foreach (var w in demandWeight)
        {
            total += w;
        }

        TotalDemand = total;
    }

    /// <summary>Number of demand points.</summary>
    public int DemandCount => DemandWeight.Length;

    /// <summary>Number of candidate sites.</summary>
    public int SiteCount => SiteCost.Length;

    /// <summary>Weight (population) of each demand point.</summary>
    public double[] DemandWeight { get; }

    /// <summary>Cost of each candidate site.</summary>
    public double[] SiteCost { get; }

    /// <summary>For each site, the sorted indices of the demand points it covers.</summary>
    public int[][] SiteCovers { get; }

    /// <summary>Per-site fixed/forbidden flags.</summary>
    public SiteFlag[] SiteFlags { get; }

    /// <summary>Per-site capacity in demand weight, or null when uncapacitated.</summary>
    public double[]? SiteCapacity { get; }

    /// <summary>Sum of all demand weights.</summary>
    public double TotalDemand { get; }
}
