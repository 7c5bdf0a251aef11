using CsCheck;
using NetTopologySuite.Geometries;
using Quanet.Core;
using Quanet.Core.Geodesy;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Geography;

public sealed class GeometryTests
{
    [Fact]
    public void Projection_round_trips_and_keeps_distances_from_the_centre()
    {
        var centre = new GeoPoint(51, 10);
        var projection = new LocalProjection(centre);
        Gen.Double[-4, 4].Select(Gen.Double[-5, 5]).Sample((dLat, dLon) =>
        {
            var p = new GeoPoint(centre.Latitude + dLat, centre.Longitude + dLon);
            var (x, y) = projection.Forward(p);
            var back = projection.Inverse(x, y);
            Assert.Equal(p.Latitude, back.Latitude, 1e-9);
            Assert.Equal(p.Longitude, back.Longitude, 1e-9);
            Assert.Equal(GreatCircle.DistanceMetres(centre.Latitude, centre.Longitude, p.Latitude, p.Longitude), Math.Sqrt((x * x) + (y * y)), 1e-6);
        });
    }

    [Fact]
    public void Hex_grid_has_the_requested_spacing_and_stays_inside()
    {
        var factory = new GeometryFactory();
        var square = factory.CreatePolygon([new(0, 0), new(10_000, 0), new(10_000, 10_000), new(0, 10_000), new(0, 0)]);

        var points = HexGrid.Generate(square, 1000);

        // one point per sqrt(3)/2 km^2
        Assert.InRange(points.Count, 110, 120);
        Assert.All(points, p => Assert.True(p.X is > 0 and < 10_000 && p.Y is > 0 and < 10_000));
        var nearest = points.Skip(1).Min(p => Math.Sqrt(Math.Pow(p.X - points[0].X, 2) + Math.Pow(p.Y - points[0].Y, 2)));
        Assert.Equal(1000, nearest, 1e-6);
    }

    [Fact]
    public void Spatial_grid_finds_exactly_the_points_a_scan_finds()
    {
        Gen.Int[1, 300].SelectMany(n => Gen.Double[-50_000, 50_000].Array[n].Select(Gen.Double[-50_000, 50_000].Array[n]))
            .Select(Gen.Double[0, 20_000], Gen.Double[100, 30_000])
            .Sample((arrays, radius, cell) =>
            {
                var (xs, ys) = arrays;
                var grid = new SpatialGrid(xs, ys, cell);
                var found = new List<int>();
                grid.Query(1234, -567, radius, found);
                found.Sort();
                var expected = Enumerable.Range(0, xs.Length).Where(i => Math.Pow(xs[i] - 1234, 2) + Math.Pow(ys[i] + 567, 2) <= radius * radius).ToList();
                Assert.Equal(expected, found);
            }, iter: 200);
    }

    [Fact]
    public void Builds_bavaria_from_the_embedded_places()
    {
        var region = RegionBuilder.Build("de", "2");

        Assert.Equal("02", region.Admin1);
        Assert.Equal(1802, region.Places.Count);

        // Bavaria is 70,550 km^2; the hull of its places widened by 6 km comes close
        Assert.InRange(region.AreaSquareKilometres, 60_000, 80_000);
    }

    [Fact]
    public void Unknown_country_and_admin1_codes_are_named()
    {
        var country = Assert.Throws<QuanetException>(() => RegionBuilder.Build("XX", null));
        var admin1 = Assert.Throws<QuanetException>(() => RegionBuilder.Build("DE", "99"));

        Assert.Equal("unknown country 'XX' (embedded: DE, ES, GB)", country.Message);
        Assert.StartsWith("unknown admin1 code '99' for DE (known: 01, 02,", admin1.Message, StringComparison.Ordinal);
    }
}
