using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Population;
using Quanet.Planning.Radio;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Scenario;

/// <summary>A prepared scenario: region, demand, candidates, radio figures and the coverage instance.</summary>
public sealed class PlanScenario
{
    internal PlanScenario(PlanRequest request, Region region, IReadOnlyList<DemandPoint> demand, IReadOnlyList<CandidateSite> sites, double[] siteRadius, IPathLossModel model, CoverageInstance instance, TimeSpan coverageTime)
    {
        Request = request;
        Region = region;
        Demand = demand;
        Sites = sites;
        SiteRadius = siteRadius;
        Model = model;
        Instance = instance;
        CoverageTime = coverageTime;
    }

    /// <summary>The request it was built from.</summary>
    public PlanRequest Request { get; }

    /// <summary>The region.</summary>
    public Region Region { get; }

    /// <summary>Demand points, in instance order.</summary>
    public IReadOnlyList<DemandPoint> Demand { get; }

    /// <summary>Candidate sites, in instance order.</summary>
    public IReadOnlyList<CandidateSite> Sites { get; }

    /// <summary>Coverage radius of each site, metres.</summary>
    public double[] SiteRadius { get; }

    /// <summary>The path-loss model.</summary>
    public IPathLossModel Model { get; }

    /// <summary>The coverage instance (one demand per point, one site per candidate).</summary>
    public CoverageInstance Instance { get; }

    /// <summary>Wall time to compute the coverage lists.</summary>
    public TimeSpan CoverageTime { get; }

    /// <summary>What the plan's figures rest on beyond the models' own ranges ("extrapolated: ..."), one line each; empty when none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The terrain the coverage rests on: flat earth without a DEM, else the DEM and the pairs it shadowed.</summary>
    public TerrainSummary Terrain { get; init; } = TerrainSummary.FlatEarth;

    /// <summary>The elevation model of <see cref="PlanRequest.DemFiles"/>, or null on flat earth (the SINR evaluation reuses it).</summary>
    internal IElevationModel? Dem { get; init; }

    /// <summary>Which demand the plan used (modelled surface, raster, places or a demand file). <value>Default: the place points.</value></summary>
    public DemandSummary DemandSource { get; init; } = new() { Text = "places (GeoNames points)", Kind = "places" };

    /// <summary>Maximum allowed path loss of the link budget.</summary>
    public Decibels MaximumPathLoss => Request.LinkBudget.MaximumPathLoss;
}
