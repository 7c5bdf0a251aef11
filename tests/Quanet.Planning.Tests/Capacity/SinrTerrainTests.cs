using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Terrain;
using Quanet.Planning.Tests.Terrain;

namespace Quanet.Planning.Tests.Capacity;

public sealed class SinrTerrainTests
{
    [Fact]
    public void A_ridge_between_the_town_and_the_interferer_raises_the_sinr()
    {
        // the server 2 km south of the town on flat ground, the interferer 5 km north behind a 300 m east-west ridge at 2.5 km
        var dir = TestData.TempDirectory();
        var ridge = LineScenario.Latitude(2.5);
        var width = 300 / 111_195.0;
        var grid = SyntheticDem.Grid(49.0, 49.2, 6.9, 7.1, 0.001, (lat, _) => (float)(250 + (300 * Math.Exp(-Math.Pow((lat - ridge) / width, 2)))));
        var dem = Path.Combine(dir, "ridge.tif");
        GeoTiffDemWriter.Write(dem, grid);
        var request = LineScenario.Request([("T", 0, 1000)], [("a", -2, 30, 1, ""), ("b", 5, 30, 1, "")], new PlacementGoal { MaxSites = 2 });

        var flat = new SinrEvaluator(LineScenario.Build(request)).Evaluate([0, 1]);
        var hilly = new SinrEvaluator(LineScenario.Build(request with { DemFiles = [dem] })).Evaluate([0, 1]);

        Assert.Equal(0, flat.Server[0]);
        Assert.Equal(0, hilly.Server[0]);
        Assert.Equal(flat.Signal[0], hilly.Signal[0], 12);
        var shadow = 10 * Math.Log10((flat.Total[0] - flat.Signal[0]) / (hilly.Total[0] - hilly.Signal[0]));
        Assert.True(shadow > 10, $"the ridge took {shadow:0.00} dB off the interference only");
        Assert.True(hilly.Sinr(0) > flat.Sinr(0) * 2, "the SINR should rise by more than 3 dB");
    }
}
