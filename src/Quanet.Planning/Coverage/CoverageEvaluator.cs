using Quanet.Planning.Placement;

namespace Quanet.Planning.Coverage;

/// <summary>Evaluates a set of chosen sites on an instance, ignoring capacities.</summary>
public static class CoverageEvaluator
{
    /// <summary>Total weight of the demand covered by at least one of <paramref name="sites"/>.</summary>
    public static double CoveredWeight(CoverageInstance instance, IReadOnlyList<int> sites)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(sites);
        var covered = new bool[instance.DemandCount];
        var total = 0.0;
        foreach (var s in sites)
        {
            foreach (var d in instance.SiteCovers[s])
            {
                if (!covered[d])
                {
                    covered[d] = true;
                    total += instance.DemandWeight[d];
                }
            }
        }

        return total;
    }

    /// <summary>Total cost of <paramref name="sites"/>.</summary>
    public static double Cost(CoverageInstance instance, IReadOnlyList<int> sites)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(sites);
        var cost = 0.0;
        foreach (var s in sites)
        {
            cost += instance.SiteCost[s];
        }

        return cost;
    }
}
