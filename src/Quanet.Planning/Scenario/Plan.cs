using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;

namespace Quanet.Planning.Scenario;

/// <summary>A solved plan: the chosen sites, which site serves which demand point, and every solver's result.</summary>
public sealed class Plan
{
    internal Plan(PlanScenario scenario, PresolveResult presolve, PlacementResult result, IReadOnlyList<PlacementComparison> results, int[] servingSite, double[] sitePopulation, double coveredWeight)
    {
        Scenario = scenario;
        Presolve = presolve;
        Result = result;
        Results = results;
        ServingSite = servingSite;
        SitePopulation = sitePopulation;
        CoveredWeight = coveredWeight;
    }

    /// <summary>The scenario.</summary>
    public PlanScenario Scenario { get; }

    /// <summary>What presolve removed.</summary>
    public PresolveResult Presolve { get; }

    /// <summary>The chosen result, in original site indices.</summary>
    public PlacementResult Result { get; }

    /// <summary>Every solver's row (one unless solvers were compared), results in original site indices; skipped solvers say why.</summary>
    public IReadOnlyList<PlacementComparison> Results { get; }

    /// <summary>For each demand point, the nearest chosen site that covers it, or -1.</summary>
    public int[] ServingSite { get; }

    /// <summary>For each site, the demand weight it serves as nearest covering site, capped at its capacity (0 for unchosen sites).</summary>
    public double[] SitePopulation { get; }

    /// <summary>Demand weight covered: the union of the chosen sites' coverage, or with capacities the solver's capacity-respecting figure.</summary>
    public double CoveredWeight { get; }

    /// <summary>The name of the heaviest demand point <paramref name="site"/> serves (its natural label), or the site's name.</summary>
    public string AnchorName(int site)
    {
        var best = -1;
        for (var d = 0; d < ServingSite.Length; d++)
        {
            if (ServingSite[d] == site && (best < 0 || Scenario.Demand[d].Weight > Scenario.Demand[best].Weight))
            {
                best = d;
            }
        }

        return best >= 0 ? Scenario.Demand[best].Name : Scenario.Sites[site].Name;
    }

    /// <summary>SINR, spectral efficiency and capacity of the chosen sites (<see cref="CapacityPlanner"/>), or null when not evaluated.</summary>
    public RadioCapacity? Radio { get; internal set; }

    /// <summary>Total demand weight.</summary>
    public double TotalWeight => Scenario.Instance.TotalDemand;
}
