using NetTopologySuite.Geometries;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Population;

/// <summary>A square test region in lon/lat with its local projection.</summary>
internal static class TestRegion
{
    public static Region Box(double south, double west, double north, double east, IReadOnlyList<Place>? places = null)
    {
        var factory = new GeometryFactory();
        var outline = factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);
        var projection = new LocalProjection(new GeoPoint((south + north) / 2, (west + east) / 2));
        return new Region("test box", "DE", null, outline, projection, GeometryProjector.Forward(outline, projection), places ?? []);
    }
}
