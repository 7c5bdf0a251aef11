using CsCheck;
using Quanet.Core.Geodesy;
using Quanet.Planning.Coverage;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Coverage;

public sealed class CoverageBuilderTests
{
    [Fact]
    public void Finds_the_same_pairs_as_an_all_pairs_great_circle_scan()
    {
        var point = Gen.Double[47, 55].Select(Gen.Double[5, 15], (lat, lon) => new GeoPoint(lat, lon));
        Gen.Select(point.Array[1, 40], point.Array[0, 200], Gen.Double[1_000, 60_000]).Sample((sites, demand, radius) =>
        {
            var radii = Enumerable.Repeat(radius, sites.Length).ToArray();
            var projection = new LocalProjection(new GeoPoint(51, 10));

            var covers = CoverageBuilder.Build(sites, radii, demand, projection);

            for (var j = 0; j < sites.Length; j++)
            {
                var expected = Enumerable.Range(0, demand.Length).Where(i => GreatCircle.DistanceMetres(sites[j].Latitude, sites[j].Longitude, demand[i].Latitude, demand[i].Longitude) <= radius).ToArray();
                Assert.Equal(expected, covers[j]);
            }
        }, iter: 100);
    }

    [Fact]
    public void A_zero_radius_covers_nothing()
    {
        var p = new GeoPoint(48, 11);

        var covers = CoverageBuilder.Build([p], [0.0], [p], new LocalProjection(p));

        Assert.Empty(covers[0]);
    }
}
