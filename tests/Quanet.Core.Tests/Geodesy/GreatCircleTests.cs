
using CsCheck;
using Quanet.Core.Geodesy;

namespace Quanet.Core.Tests.Geodesy;

public sealed class GreatCircleTests
{
    [Fact]
    public void One_degree_of_latitude_is_the_radius_times_pi_over_180()
    {
        // 6,371,008.8 m * pi / 180 = 111,195.08 m
        Assert.Equal(111_195.08, GreatCircle.DistanceMetres(10, 20, 11, 20), 2);
    }

    [Fact]
    public void Antipodes_are_half_the_circumference_apart()
    {
        Assert.Equal(Math.PI * GreatCircle.EarthRadiusMetres, GreatCircle.DistanceMetres(0, 0, 0, 180), 3);
        Assert.Equal(Math.PI * GreatCircle.EarthRadiusKilometres, GreatCircle.DistanceKilometres(90, 0, -90, 0), 6);
    }

    [Fact]
    public void Haversine_matches_a_known_distance()
    {
        // Berlin (52.5200, 13.4050) to Munich (48.1351, 11.5820): 504.2 km on the 6371.0088 km sphere
        var d = GreatCircle.DistanceMetres(52.5200, 13.4050, 48.1351, 11.5820);

        Assert.Equal(504_200, d, 300.0);
    }

    [Fact]
    public void Destination_is_at_the_requested_distance()
    {
        var (latitude, longitude) = GreatCircle.Destination(48.1, 11.6, 37, 12_345);

        Assert.Equal(12_345, GreatCircle.DistanceMetres(48.1, 11.6, latitude, longitude), 1e-6);
    }

    [Fact]
    public void Kilometres_and_metres_agree()
    {
        var m = GreatCircle.DistanceMetres(48.137, 11.575, 52.520, 13.405);
        Assert.Equal(m / 1000, GreatCircle.DistanceKilometres(48.137, 11.575, 52.520, 13.405), 9);
        Assert.InRange(m, 503_000, 506_000); // Munich - Berlin, about 504 km
    }

    [Fact]
    public void Destination_walks_back_the_distance()
    {
        Gen.Double[-80, 80].Select(Gen.Double[-179, 179], Gen.Double[0, 360], Gen.Double[1, 2_000_000]).Sample((lat, lon, bearing, d) =>
        {
            var (lat2, lon2) = GreatCircle.Destination(lat, lon, bearing, d);
            // a tolerance, not rounding to 3 decimals: 76634.8125 and 76634.812500001 round to different millimetres
            Assert.Equal(d, GreatCircle.DistanceMetres(lat, lon, lat2, lon2), 1e-3);
            Assert.InRange(lon2, -180, 180);
        });
    }
}
