using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>Reads a region outline: the union of the polygons of a GeoJSON FeatureCollection (lon/lat degrees).</summary>
public static class OutlineReader
{
    /// <summary>Reads the outline.</summary>
    /// <param name="utf8">The GeoJSON bytes.</param>
    /// <param name="file">File name used in messages.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its size and JSON depth.</param>
    /// <exception cref="InputFormatException">Invalid GeoJSON or no polygon in it, or the input breaks a limit.</exception>
    public static Geometry Read(byte[] utf8, string file, FormatLimits? limits = null)
    {
        var geo = GeoJsonFile.Parse(utf8, file, limits);
        var polygons = new List<Geometry>();
        for (var i = 0; i < geo.Features.Count; i++)
        {
            var g = geo.Features[i].Geometry;
            if (g is Polygon or MultiPolygon)
            {
                polygons.Add(g.IsValid ? g : g.Buffer(0));
            }
            else if (g is not null)
            {
                throw geo.Error(i, $"expected Polygon or MultiPolygon, found {g.GeometryType}");
            }
        }

        if (polygons.Count == 0)
        {
            throw new InputFormatException(file, 1, "no Polygon or MultiPolygon feature in the outline");
        }

        return UnaryUnionOp.Union(polygons);
    }
}
