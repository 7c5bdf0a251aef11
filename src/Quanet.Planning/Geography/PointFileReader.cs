using NetTopologySuite.Geometries;

namespace Quanet.Planning.Geography;

/// <summary>Shared handling of user point files given as CSV or GeoJSON (chosen by extension).</summary>
internal static class PointFileReader
{
    /// <summary>Whether the file name says GeoJSON.</summary>
    public static bool IsGeoJson(string path) =>
        path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Position of feature <paramref name="index"/>, which must be a Point.</summary>
    public static GeoPoint PointOf(GeoJsonFile geo, int index)
    {
        if (geo.Features[index].Geometry is not Point point)
        {
            throw geo.Error(index, $"expected a Point geometry, found {geo.Features[index].Geometry?.GeometryType ?? "none"}");
        }

        var p = new GeoPoint(point.Y, point.X);
        return p.IsValid ? p : throw geo.Error(index, $"coordinates ({point.X}, {point.Y}) out of range");
    }
}
