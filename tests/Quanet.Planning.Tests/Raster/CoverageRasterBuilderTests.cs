using NetTopologySuite.Geometries.Prepared;
using Quanet.Core.Geodesy;
using Quanet.Planning.Raster;
using Quanet.Planning.Terrain;
using Quanet.Planning.Tests.Terrain;

namespace Quanet.Planning.Tests.Raster;

public sealed class CoverageRasterBuilderTests
{
    [Fact]
    public void Every_pixel_holds_the_link_budget_of_its_best_site_or_nothing()
    {
        var plan = RasterPlans.TwoSites();

        var raster = CoverageRasterBuilder.Build(plan, RasterResolution.Default, dem: null);

        var grid = raster.Grid;
        var region = PreparedGeometryFactory.Prepare(plan.Scenario.Region.Outline);
        Assert.Equal([0, 1], plan.Result.Sites.Order());
        int withSignal = 0, fromEast = 0;
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                var i = (r * grid.Columns) + c;
                var expected = RasterPlans.Expected(plan, grid.CentreLatitude(r), grid.CentreLongitude(c), region);
                if (expected is not { } e)
                {
                    Assert.True(float.IsNaN(raster.Power[i]) && raster.Server[i] == 0, $"pixel ({r}, {c}) should have no value");
                    continue;
                }

                Assert.Equal(e.Dbm, raster.Power[i], 0.001);
                Assert.Equal(e.Server, raster.Server[i]);
                withSignal++;
                fromEast += plan.Result.Sites[e.Server - 1] == 1 ? 1 : 0;
            }
        }

        // two discs of about 115 km² each at 250 m pixels, overlapping a little: several thousand pixels, both servers
        Assert.InRange(withSignal, 2_500, 4_000);
        Assert.InRange(fromEast, 1_000, withSignal - 1_000);
        Assert.Equal(withSignal, raster.PixelsWithSignal);
    }

    [Fact]
    public void The_weakest_pixel_is_just_above_the_sensitivity_and_covered_exactly_when_its_value_reaches_it()
    {
        var plan = RasterPlans.TwoSites();

        var raster = CoverageRasterBuilder.Build(plan, RasterResolution.Default, dem: null);

        var sensitivity = plan.Scenario.Request.LinkBudget.Sensitivity.Value;
        var weakest = raster.Power.Where(p => !float.IsNaN(p)).Min();
        Assert.InRange(weakest, sensitivity - 0.001, sensitivity + 1);
        Assert.Equal(sensitivity, CoverageRasterBuilder.ReceivedPowerAtZeroLoss(plan.Scenario.Request.LinkBudget) - plan.Scenario.MaximumPathLoss.Value, 9);
    }

    [Fact]
    public void A_ridge_lowers_the_signal_behind_it_and_not_in_front()
    {
        // a 250 m ridge 3 km east of the western site: the pixel 4.5 km east loses signal, the one 1.5 km east keeps it
        var degreesEast = 1 / (111_195 * Math.Cos(RasterPlans.Latitude * Math.PI / 180));
        var ridge = RasterPlans.WestSite + (3_000 * degreesEast);
        var dem = Path.Combine(TestData.TempDirectory(), "ridge.tif");
        GeoTiffDemWriter.Write(dem, SyntheticDem.Grid(49.2, 49.5, 6.6, 7.2, 0.001, (_, lon) => (float)(250 + (250 * Math.Exp(-Math.Pow((lon - ridge) / (300 * degreesEast), 2))))));
        var flat = CoverageRasterBuilder.Build(RasterPlans.TwoSites(), RasterResolution.Default, dem: null);

        var withRidge = CoverageRasterBuilder.Build(RasterPlans.TwoSites([dem]), RasterResolution.Default, ElevationModels.Open([dem]));

        double At(CoverageRaster raster, double metresEast)
        {
            var (r, c) = RasterPlans.PixelOf(raster.Grid, RasterPlans.Latitude, RasterPlans.WestSite + (metresEast * degreesEast));
            return raster.Power[(r * raster.Grid.Columns) + c];
        }

        Assert.Equal(At(flat, 1_500), At(withRidge, 1_500), 0.001);
        Assert.True(At(withRidge, 4_500) < At(flat, 4_500) - 10, $"behind the ridge: {At(withRidge, 4_500)} dBm with it, {At(flat, 4_500)} dBm without");
        Assert.Equal(At(flat, -1_500), At(withRidge, -1_500), 0.001);
    }

    [Fact]
    public void A_country_at_ten_metres_is_coarsened_to_the_pixel_limit_and_at_the_default_is_not()
    {
        // Germany's bounding box, about 5.9-15.0 E, 47.3-55.1 N
        var (fine, factor) = RasterGrid.Cover(5.87, 47.27, 15.04, 55.06, new RasterResolution(10, false), CoverageRasterBuilder.MaxPixels);
        var (normal, kept) = RasterGrid.Cover(5.87, 47.27, 15.04, 55.06, RasterResolution.Default, CoverageRasterBuilder.MaxPixels);

        Assert.InRange(fine.Pixels, CoverageRasterBuilder.MaxPixels * 0.9, CoverageRasterBuilder.MaxPixels);
        Assert.InRange(factor, 15, 40);
        Assert.Equal(1, kept);
        Assert.InRange(normal.Pixels, 8_000_000, 12_000_000);

        // 250 m on the ground both ways at the middle latitude
        var middle = 0.5 * (47.27 + 55.06);
        Assert.Equal(250, GreatCircle.DistanceMetres(middle, 10, middle + normal.LatitudeStep, 10), 0.5);
        Assert.Equal(250, GreatCircle.DistanceMetres(middle, 10, middle, 10 + normal.LongitudeStep), 0.5);
    }

    [Theory]
    [InlineData("250", 250, false)]
    [InlineData("100m", 100, false)]
    [InlineData(" 9s ", 9, true)]
    [InlineData("7.5arcsec", 7.5, true)]
    public void Parses_metres_and_arc_seconds(string text, double value, bool arcSeconds) =>
        Assert.Equal(new RasterResolution(value, arcSeconds), RasterResolution.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5m")]
    [InlineData("0.5m")]
    [InlineData("fine")]
    [InlineData("NaN")]
    public void Refuses_what_is_not_a_pixel_size(string text) => Assert.Null(RasterResolution.Parse(text));
}
