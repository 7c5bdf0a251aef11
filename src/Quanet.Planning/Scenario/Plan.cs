using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;

namespace Quanet.Planning.Scenario;

/// <summary>A solved plan: the chosen sites, which site serves which demand point, and every solver's result.</summary>
public sealed class Plan
{
    internal Plan(PlanScenario scenario, PresolveResult presolve, PlacementResult result, IReadOnlyList<PlacementResult> results, int[] servingSite, double[] sitePopulation, double coveredWeight)
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

    /// <summary>Every solver's result (one unless solvers were compared), in original site indices.</summary>
    public IReadOnlyList<PlacementResult> Results { get; }

    /// <summary>For each demand point, the nearest chosen site that covers it, or -1.</summary>
    public int[] ServingSite { get; }

    /// <summary>For each site, the demand weight it serves as nearest covering site (0 for unchosen sites).</summary>
    public double[] SitePopulation { get; }

    /// <summary>Demand weight covered by at least one chosen site (uncapacitated union).</summary>
    public double CoveredWeight { get; }

    /// <summary>Total demand weight.</summary>
    public double TotalWeight => Scenario.Instance.TotalDemand;
}
