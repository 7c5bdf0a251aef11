using System.Globalization;
using System.Text.Json;
using Quanet.Planning.Raster;
using Quanet.Planning.Terrain;
using Quanet.Planning.Tests.Terrain;

namespace Quanet.Planning.Tests.Raster;

public sealed class CoverageRasterWriterTests
{
    [Fact]
    public void The_repository_reader_reads_back_every_pixel_and_the_georeference()
    {
        var plan = RasterPlans.TwoSites();
        var raster = CoverageRasterBuilder.Build(plan, RasterResolution.Default, dem: null);
        var dir = TestData.TempDirectory();

        var files = CoverageRasterWriter.Save(raster, dir);
        var signal = GeoTiffDemReader.Read(files[0]);
        var server = GeoTiffDemReader.Read(files[1]);

        Assert.Equal([CoverageRasterWriter.SignalFileName, CoverageRasterWriter.ServerFileName], files.Select(Path.GetFileName));
        var grid = raster.Grid;
        Assert.Equal((grid.Rows, grid.Columns), (signal.Rows, signal.Columns));
        Assert.Equal(grid.CentreLatitude(0), signal.North, 9);
        Assert.Equal(grid.CentreLongitude(0), signal.West, 9);
        Assert.Equal(grid.LongitudeStep, signal.LongitudeStep, 12);
        Assert.Equal(grid.LatitudeStep, server.LatitudeStep, 12);
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                var i = (r * grid.Columns) + c;
                Assert.Equal(raster.Power[i], signal.Sample(r, c));
                Assert.Equal(raster.Server[i] == 0 ? float.NaN : raster.Server[i], server.Sample(r, c));
            }
        }
    }

    [RequiresProgramFact("gdalinfo", "gdallocationinfo")]
    public void Gdal_reads_size_crs_type_nodata_and_geotransform_and_the_values_at_a_site_and_between_sites()
    {
        var plan = RasterPlans.TwoSites();
        var raster = CoverageRasterBuilder.Build(plan, RasterResolution.Default, dem: null);
        var files = CoverageRasterWriter.Save(raster, TestData.TempDirectory());
        var grid = raster.Grid;

        using var info = JsonDocument.Parse(SyntheticDem.Run("gdalinfo", "-json", files[0]));

        var root = info.RootElement;
        Assert.Equal([grid.Columns, grid.Rows], root.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        var wkt = root.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.StartsWith("GEOGCRS[\"WGS 84\"", wkt, StringComparison.Ordinal);
        Assert.EndsWith("ID[\"EPSG\",4326]]", wkt, StringComparison.Ordinal);
        var band = root.GetProperty("bands")[0];
        Assert.Equal("Float32", band.GetProperty("type").GetString());
        Assert.Equal(-9999, band.GetProperty("noDataValue").GetDouble());
        Assert.Equal(1, root.GetProperty("bands").GetArrayLength());
        var transform = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] expected = [grid.West, grid.LongitudeStep, 0, grid.North, 0, -grid.LatitudeStep];
        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(expected[k], transform[k], 12);
        }

        using var serverInfo = JsonDocument.Parse(SyntheticDem.Run("gdalinfo", "-json", files[1]));
        Assert.Equal("Int32", serverInfo.RootElement.GetProperty("bands")[0].GetProperty("type").GetString());
        Assert.Equal(0, serverInfo.RootElement.GetProperty("bands")[0].GetProperty("noDataValue").GetDouble());

        // at the western site, a point between the sites that both reach, and one beyond the eastern disc
        foreach (var longitude in new[] { RasterPlans.WestSite, 6.868, RasterPlans.EastSite + 0.03 })
        {
            var (r, c) = RasterPlans.PixelOf(grid, RasterPlans.Latitude, longitude);
            var own = RasterPlans.Expected(plan, grid.CentreLatitude(r), grid.CentreLongitude(c)) ?? throw new InvalidOperationException($"no signal at {longitude}");
            Assert.Equal(own.Dbm, Location(files[0], RasterPlans.Latitude, longitude), 0.01);
            Assert.Equal(own.Server, Location(files[1], RasterPlans.Latitude, longitude));
        }

        // both sites reach the point between them
        var between = RasterPlans.PixelOf(grid, RasterPlans.Latitude, 6.868);
        Assert.All(new[] { RasterPlans.WestSite, RasterPlans.EastSite }, lon =>
            Assert.True(Quanet.Core.Geodesy.GreatCircle.DistanceMetres(RasterPlans.Latitude, lon, grid.CentreLatitude(between.Row), grid.CentreLongitude(between.Column)) < plan.Scenario.SiteRadius[0]));

        // inside the bounding box but outside Saarland (Lorraine, south-west of the box), and beyond every site's reach
        var (south, west) = (grid.North - (grid.Rows * grid.LatitudeStep) + 0.01, grid.West + 0.01);
        Assert.Null(RasterPlans.Expected(plan, south, west));
        Assert.Equal(-9999, Location(files[0], south, west));
        Assert.Equal(0, Location(files[1], south, west));
        Assert.Equal(-9999, Location(files[0], RasterPlans.Latitude + 0.1, RasterPlans.WestSite));
    }

    private static double Location(string path, double latitude, double longitude) =>
        double.Parse(SyntheticDem.Run("gdallocationinfo", "-valonly", "-wgs84", path, Invariant(longitude), Invariant(latitude)).Trim(), CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
