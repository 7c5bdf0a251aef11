using System.Globalization;
using Quanet.Core.Units;
using Quanet.Planning.Placement;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

/// <summary>
/// A site in Saarland, a town east of it in front of a north-south ridge and a town behind the ridge, on a synthetic
/// GeoTIFF DEM: the ridge shadows the far town, the near one stays covered, and without the ridge both are covered.
/// </summary>
public sealed class RidgeShadowingTests
{
    private const double SiteLatitude = 49.35;
    private const double SiteLongitude = 6.80;
    private const double Ground = 250;

    [Fact]
    public void The_town_behind_the_ridge_is_shadowed_and_the_one_in_front_is_covered()
    {
        var (request, radius) = Request(ridgeHeight: 250);

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
        var plan = Planner.Solve(scenario, [new HeuristicPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(2) });

        Assert.Equal([0], scenario.Instance.SiteCovers[0]);
        Assert.Equal(1, scenario.Terrain.PairsShadowed);
        Assert.Equal(2, scenario.Terrain.PairsChecked);
        Assert.Equal(0, scenario.Terrain.PairsOutsideDem);
        Assert.Equal(1000, plan.CoveredWeight);
        Assert.StartsWith("terrain: ridge.tif (", scenario.Terrain.Text, StringComparison.Ordinal);
        Assert.Contains("1 of 2 site-demand pairs shadowed", scenario.Terrain.Text, StringComparison.Ordinal);
        Assert.InRange(radius, 3_000, 20_000);
    }

    [Fact]
    public void Without_a_dem_both_towns_are_covered_and_the_report_says_flat_earth()
    {
        var (request, _) = Request(ridgeHeight: 250);

        var scenario = ScenarioBuilder.Build(request with { DemFiles = null }, TimeProvider.System);

        Assert.Equal([0, 1], scenario.Instance.SiteCovers[0]);
        Assert.Equal("terrain: flat earth (no DEM)", scenario.Terrain.Text);
    }

    [Fact]
    public void A_flat_dem_shadows_nothing()
    {
        var (request, _) = Request(ridgeHeight: 0);

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);

        Assert.Equal([0, 1], scenario.Instance.SiteCovers[0]);
        Assert.Equal(0, scenario.Terrain.PairsShadowed);
        Assert.Equal(0, scenario.Terrain.PairsObstructed);
    }

    [Fact]
    public void A_low_hill_costs_less_than_the_margin_and_shadows_nothing()
    {
        // a 20 m hill well below the ray from a 30 m mast: the path stays line of sight, the far town stays covered
        var (request, _) = Request(ridgeHeight: 2);

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);

        Assert.Equal([0, 1], scenario.Instance.SiteCovers[0]);
    }

    // one 30 m site, towns at 0.3 and 0.8 of the flat-earth radius due east, a ridge at 0.55 of it
    private static (PlanRequest Request, double Radius) Request(double ridgeHeight)
    {
        var dir = TestData.TempDirectory();
        var baseRequest = new PlanRequest { Country = "DE", Admin1 = "09", SpacingKilometres = 0, Goal = new PlacementGoal { MaxSites = 1 } };
        var radius = ScenarioBuilder.RadiusFor(baseRequest, PathLossModels.Create(baseRequest.Model), new Metres(30)).Value;
        var degreesEast = 1 / (111_195 * Math.Cos(SiteLatitude * Math.PI / 180));
        var near = SiteLongitude + (0.3 * radius * degreesEast);
        var ridge = SiteLongitude + (0.55 * radius * degreesEast);
        var far = SiteLongitude + (0.8 * radius * degreesEast);
        var ridgeWidth = 300 * degreesEast;
        var grid = SyntheticDem.Grid(49.2, 49.5, 6.6, 7.2, 0.001, (_, lon) => (float)(Ground + (ridgeHeight * Math.Exp(-Math.Pow((lon - ridge) / ridgeWidth, 2)))));
        var dem = Path.Combine(dir, "ridge.tif");
        GeoTiffDemWriter.Write(dem, grid);

        var demand = Path.Combine(dir, "towns.csv");
        File.WriteAllText(demand, string.Create(CultureInfo.InvariantCulture, $"id,name,lat,lon,population\nnear,Vorderdorf,{SiteLatitude},{near},1000\nfar,Hinterdorf,{SiteLatitude},{far},800\n"));
        var candidates = Path.Combine(dir, "site.csv");
        File.WriteAllText(candidates, string.Create(CultureInfo.InvariantCulture, $"id,lat,lon,cost,height\nmast,{SiteLatitude},{SiteLongitude},1,30\n"));
        return (baseRequest with { DemandFile = demand, CandidatesFile = candidates, DemFiles = [dem] }, radius);
    }
}
