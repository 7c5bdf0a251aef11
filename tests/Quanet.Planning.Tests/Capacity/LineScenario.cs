using System.Globalization;
using System.Text;
using Quanet.Core.Geodesy;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Capacity;

/// <summary>
/// Demand points and candidate sites on one meridian in Saarland (7.0 E), placed by their distance north of 49.1 N in
/// km, so that every great-circle distance between them is exactly the difference of those figures.
/// </summary>
internal static class LineScenario
{
    public const double Longitude = 7.0;
    public const double BaseLatitude = 49.1;

    public static double Latitude(double northKm) => BaseLatitude + (northKm * 1000 / GreatCircle.EarthRadiusMetres * 180 / Math.PI);

    /// <summary>A request over the given points; sites as (id, km, height, cost, flag).</summary>
    public static PlanRequest Request(IEnumerable<(string Id, double Km, double People)> demand, IEnumerable<(string Id, double Km, double Height, double Cost, string Flag)> sites, PlacementGoal goal, string model = "hata-suburban")
    {
        var dir = TestData.TempDirectory();
        var d = new StringBuilder("id,name,lat,lon,population\n");
        foreach (var (id, km, people) in demand)
        {
            d.Append(CultureInfo.InvariantCulture, $"{id},{id},{Latitude(km):R},{Longitude},{people}\n");
        }

        var s = new StringBuilder("id,lat,lon,cost,height,flag\n");
        foreach (var (id, km, height, cost, flag) in sites)
        {
            s.Append(CultureInfo.InvariantCulture, $"{id},{Latitude(km):R},{Longitude},{cost},{height},{flag}\n");
        }

        var demandFile = Path.Combine(dir, "demand.csv");
        var sitesFile = Path.Combine(dir, "sites.csv");
        File.WriteAllText(demandFile, d.ToString());
        File.WriteAllText(sitesFile, s.ToString());
        return new PlanRequest
        {
            Country = "DE",
            Admin1 = "09",
            SpacingKilometres = 0,
            Model = model,
            AllowExtrapolation = true,
            DemandFile = demandFile,
            CandidatesFile = sitesFile,
            Goal = goal,
        };
    }

    public static PlanScenario Build(PlanRequest request) => ScenarioBuilder.Build(request, TimeProvider.System);
}
