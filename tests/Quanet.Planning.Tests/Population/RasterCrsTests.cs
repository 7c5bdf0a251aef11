using Quanet.Planning.Geography;
using Quanet.Planning.Population;

namespace Quanet.Planning.Tests.Population;

public sealed class RasterCrsTests
{
    [Fact]
    public void Laea_europe_reproduces_the_worked_example_of_epsg_guidance_note_7_2()
    {
        // IOGP Guidance Note 7-2, Lambert Azimuthal Equal Area (EPSG method 9820), ETRS89 / LAEA Europe:
        // 50 N 5 E -> E = 3,962,799.45 m, N = 2,999,718.85 m
        var laea = RasterCrs.ForCode(3035)!;

        var (e, n) = laea.Forward(new GeoPoint(50, 5));
        var back = laea.Inverse(3_962_799.45, 2_999_718.85);

        Assert.Equal(3_962_799.45, e, 0.01);
        Assert.Equal(2_999_718.85, n, 0.01);
        Assert.Equal(50, back.Latitude, 1e-7);
        Assert.Equal(5, back.Longitude, 1e-7);
    }

    [Fact]
    public void Mollweide_reproduces_snyders_numerical_example_forward_and_inverse()
    {
        // Snyder, USGS Professional Paper 1395 (1987), p. 251-252: R = 1, central meridian 90 W,
        // 50 S 75 W -> x = 0.1788845, y = -0.9208758 (theta = -40.6289306 degrees)
        var mollweide = new Mollweide("test", 1, -90);

        var (x, y) = mollweide.Forward(new GeoPoint(-50, -75));
        var back = mollweide.Inverse(0.1788845, -0.9208758);

        Assert.Equal(0.1788845, x, 1e-7);
        Assert.Equal(-0.9208758, y, 1e-7);
        Assert.Equal(-50, back.Latitude, 1e-5);
        Assert.Equal(-75, back.Longitude, 1e-5);
    }

    [Fact]
    public void World_mollweide_agrees_with_proj_on_the_wgs84_semi_major_sphere()
    {
        // PROJ 9 (gdaltransform -s_srs EPSG:4326 -t_srs ESRI:54009): 5 E 50 N -> 380316.593105256, 5873471.95621065
        var (x, y) = RasterCrs.ForCode(54009)!.Forward(new GeoPoint(50, 5));

        Assert.Equal(380_316.593105256, x, 1e-3);
        Assert.Equal(5_873_471.95621065, y, 1e-3);
    }

    [Fact]
    public void Pseudo_mercator_reproduces_the_worked_example_of_epsg_guidance_note_7_2()
    {
        // IOGP Guidance Note 7-2, Popular Visualisation Pseudo Mercator (EPSG method 1024):
        // 24 22 54.433 N, 100 20 00 W -> E = -11,169,055.58 m, N = 2,800,000.00 m
        var (e, n) = RasterCrs.ForCode(3857)!.Forward(new GeoPoint(24 + (22 / 60.0) + (54.433 / 3600), -(100 + (20 / 60.0))));

        Assert.Equal(-11_169_055.58, e, 0.01);
        Assert.Equal(2_800_000.00, n, 0.02);
    }

    [Theory]
    [InlineData(32632, 48.1, 11.5, 686_121.756, 5_330_438.130)]
    [InlineData(25832, 48.1, 11.5, 686_121.756, 5_330_438.130)]
    [InlineData(32719, -33, -70, 406_582.222, 6_348_269.026)]
    public void Utm_zones_agree_with_proj(int code, double lat, double lon, double east, double north)
    {
        // reference values: PROJ 9 through gdaltransform -s_srs EPSG:4326 -t_srs EPSG:<code>
        var utm = RasterCrs.ForCode(code)!;

        var (e, n) = utm.Forward(new GeoPoint(lat, lon));
        var back = utm.Inverse(e, n);

        Assert.Equal(east, e, 0.01);
        Assert.Equal(north, n, 0.01);
        Assert.Equal(lat, back.Latitude, 1e-8);
        Assert.Equal(lon, back.Longitude, 1e-8);
    }

    [Fact]
    public void Codes_it_does_not_implement_have_no_projection()
    {
        Assert.Null(RasterCrs.ForCode(2056));
        Assert.Null(RasterCrs.ForCode(27700));
    }
}
