using Quanet.Planning.Placement;
using Quanet.Planning.Population;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Tests.Population;

public sealed class DemandScenarioTests
{
    private static readonly string Example = Path.Combine(TestData.RepositoryRoot, "examples", "population", "saarland-3035.tif");

    [Fact]
    public void The_default_demand_is_the_modelled_surface_with_every_person_of_the_places()
    {
        var request = new PlanRequest { Admin1 = "09", Goal = new PlacementGoal { MaxSites = 5 } };

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);

        var people = scenario.Region.Places.Sum(p => (double)p.Population);
        Assert.Equal(people, scenario.Instance.TotalDemand, 1e-6 * people);
        Assert.Equal("modelled surface (Clark), 1 km cells", scenario.DemandSource.Text);
        Assert.True(scenario.Demand.Count > 2 * scenario.Region.Places.Count, "places spread over cells");
    }

    [Fact]
    public void A_raster_gives_the_people_of_its_cells_inside_the_region_and_the_rest_is_counted_outside()
    {
        var request = new PlanRequest { Admin1 = "09", PopulationFile = Example, Goal = new PlacementGoal { MaxSites = 5 } };

        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);

        // the example's pixels are all within the region's bounding box: inside + outside = the raster's sum
        var rasterSum = RasterSum(Example);
        Assert.Equal(rasterSum, scenario.Instance.TotalDemand + scenario.DemandSource.PeopleOutsideRegion, 1e-6 * rasterSum);
        Assert.InRange(scenario.DemandSource.PeopleOutsideRegion, 1, 0.01 * rasterSum);
        Assert.Equal("raster saarland-3035.tif (EPSG:3035), 1 km cells", scenario.DemandSource.Text);
    }

    [Fact]
    public void Every_cell_size_keeps_the_raster_total()
    {
        var fine = ScenarioBuilder.Build(new PlanRequest { Admin1 = "09", PopulationFile = Example, CellSizeKilometres = 0.5 }, TimeProvider.System);
        var coarse = ScenarioBuilder.Build(new PlanRequest { Admin1 = "09", PopulationFile = Example, CellSizeKilometres = 5 }, TimeProvider.System);

        var rasterSum = RasterSum(Example);
        Assert.Equal(rasterSum, fine.Instance.TotalDemand + fine.DemandSource.PeopleOutsideRegion, 1e-6 * rasterSum);
        Assert.Equal(rasterSum, coarse.Instance.TotalDemand + coarse.DemandSource.PeopleOutsideRegion, 1e-6 * rasterSum);
        Assert.True(fine.Demand.Count > 10 * coarse.Demand.Count);
    }

    [Fact]
    public void Places_mode_keeps_one_point_per_place()
    {
        var scenario = ScenarioBuilder.Build(new PlanRequest { Admin1 = "09", DemandModel = DemandModel.Places }, TimeProvider.System);

        Assert.Equal(scenario.Region.Places.Count, scenario.Demand.Count);
        Assert.Equal("places (GeoNames points)", scenario.DemandSource.Text);
    }

    [Fact]
    public void A_raster_and_a_demand_file_together_are_refused()
    {
        var request = new PlanRequest { PopulationFile = Example, DemandFile = "demand.csv" };

        Assert.Contains("a population raster and a demand file both define the demand: give one of them", request.Problems());
    }

    [Terrain.RequiresProgramFact("gdal_translate")]
    public void The_raster_sum_agrees_with_gdal()
    {
        // GDAL's own decoding of every pixel (XYZ text: x y value), nodata -200 and empty pixels left out
        var dir = TestData.TempDirectory();
        var xyz = Path.Combine(dir, "pop.xyz");
        Terrain.SyntheticDem.Run("gdal_translate", "-q", "-of", "XYZ", Example, xyz);
        var gdal = File.ReadLines(xyz).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture)).Where(v => v > 0).Sum();
        Directory.Delete(dir, recursive: true);

        Assert.Equal(gdal, RasterSum(Example), 1e-6 * gdal);
    }

    // the sum of the raster's people, decoded here sample by sample through LibTiff (every pixel, no reprojection)
    internal static double RasterSum(string path)
    {
        using var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(path, "r")!;
        var width = tiff.GetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGEWIDTH)[0].ToInt();
        var height = tiff.GetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGELENGTH)[0].ToInt();
        var tile = tiff.GetField(BitMiracle.LibTiff.Classic.TiffTag.TILEWIDTH)[0].ToInt();
        var buffer = new byte[tile * tile * 4];
        var sum = 0.0;
        for (var y = 0; y < height; y += tile)
        {
            for (var x = 0; x < width; x += tile)
            {
                tiff.ReadTile(buffer, 0, x, y, 0, 0);
                for (var ty = 0; ty < tile && y + ty < height; ty++)
                {
                    for (var tx = 0; tx < tile && x + tx < width; tx++)
                    {
                        var v = BitConverter.ToSingle(buffer, ((ty * tile) + tx) * 4);
                        sum += v > 0 ? v : 0;
                    }
                }
            }
        }

        return sum;
    }
}
