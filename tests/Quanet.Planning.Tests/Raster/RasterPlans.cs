using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Quanet.Core.Geodesy;
using Quanet.Core.Units;
using Quanet.Planning.Placement;
using Quanet.Planning.Radio;
using Quanet.Planning.Raster;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Raster;

/// <summary>
/// Two 30 m sites in Saarland 11 km apart (discs of about 6 km overlapping in the middle) with a town beside each, and
/// an independent computation of the signal a pixel should have: the link budget and the model written out again.
/// </summary>
internal static class RasterPlans
{
    public const double Latitude = 49.35;
    public const double WestSite = 6.80;
    public const double EastSite = 6.95;

    public static Plan TwoSites(IReadOnlyList<string>? dem = null)
    {
        var dir = TestData.TempDirectory();
        var demand = Path.Combine(dir, "towns.csv");
        File.WriteAllText(demand, string.Create(CultureInfo.InvariantCulture, $"id,name,lat,lon,population\nw,Westdorf,{Latitude},{WestSite + 0.01},1000\ne,Ostdorf,{Latitude},{EastSite + 0.01},800\n"));
        var candidates = Path.Combine(dir, "sites.csv");
        File.WriteAllText(candidates, string.Create(CultureInfo.InvariantCulture, $"id,lat,lon,cost,height\nwest,{Latitude},{WestSite},1,30\neast,{Latitude},{EastSite},1,30\n"));
        var request = new PlanRequest
        {
            Country = "DE",
            Admin1 = "09",
            SpacingKilometres = 0,
            Goal = new PlacementGoal { MaxSites = 2 },
            DemandFile = demand,
            CandidatesFile = candidates,
            DemFiles = dem,
        };
        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
        return Planner.Solve(scenario, [new HeuristicPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(2) });
    }

    /// <summary>
    /// What a flat-earth pixel centre should hold: the strongest of EIRP + G_rx - body - penetration - fade - L(d) over the
    /// chosen sites within their radius, or null outside the region or every radius.
    /// </summary>
    public static (double Dbm, int Server)? Expected(Plan plan, double latitude, double longitude, IPreparedGeometry? region = null)
    {
        var s = plan.Scenario;
        var point = new GeometryFactory().CreatePoint(new Coordinate(longitude, latitude));
        if (!(region?.Contains(point) ?? s.Region.Outline.Contains(point)))
        {
            return null;
        }

        var b = s.Request.LinkBudget;
        (double, int)? best = null;
        for (var k = 0; k < plan.Result.Sites.Length; k++)
        {
            var j = plan.Result.Sites[k];
            var site = s.Sites[j];
            var d = GreatCircle.DistanceMetres(site.Location.Latitude, site.Location.Longitude, latitude, longitude);
            if (d > s.SiteRadius[j])
            {
                continue;
            }

            var geometry = new LinkGeometry(Frequency.FromMegahertz(s.Request.BandMegahertz), site.Height, new Metres(s.Request.UserHeightMetres));
            var dbm = b.TxPowerDbm + b.TxAntennaGainDbi - b.CableLossDb + b.RxAntennaGainDbi - b.BodyLossDb - b.PenetrationLossDb - b.FadeMarginDb
                - s.Model.Loss(new Metres(Math.Max(1, d)), geometry).Value;
            if (best is not { } current || dbm > current.Item1)
            {
                best = (dbm, k + 1);
            }
        }

        return best;
    }

    public static (int Row, int Column) PixelOf(RasterGrid grid, double latitude, double longitude) =>
        ((int)Math.Floor((grid.North - latitude) / grid.LatitudeStep), (int)Math.Floor((longitude - grid.West) / grid.LongitudeStep));
}
