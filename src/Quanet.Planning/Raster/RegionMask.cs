using NetTopologySuite.Geometries;

namespace Quanet.Planning.Raster;

/// <summary>
/// Which pixels of a grid row lie inside a polygon (lon/lat degrees): the crossings of the row's centre latitude with
/// every ring edge, filled pairwise (even-odd, so holes and several polygons need nothing special). One row costs
/// one pass over the edges, never a point-in-polygon test per pixel.
/// </summary>
internal sealed class RegionMask
{
    private readonly double[] _edges; // x0, y0, x1, y1 per edge

    public RegionMask(Geometry outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var edges = new List<double>();
        for (var g = 0; g < outline.NumGeometries; g++)
        {
            if (outline.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            AddRing(edges, polygon.ExteriorRing);
            foreach (var hole in polygon.InteriorRings)
            {
                AddRing(edges, hole);
            }
        }

        _edges = [.. edges];
    }

    /// <summary>Sets <paramref name="inside"/>[c] for every column whose centre on <paramref name="row"/> is inside.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="row">The row.</param>
    /// <param name="inside">One flag per column (overwritten).</param>
    /// <param name="crossings">A reusable buffer.</param>
    public void Fill(RasterGrid grid, int row, Span<bool> inside, List<double> crossings)
    {
        inside.Clear();
        crossings.Clear();
        var y = grid.CentreLatitude(row);
        for (var e = 0; e < _edges.Length; e += 4)
        {
            double x0 = _edges[e], y0 = _edges[e + 1], x1 = _edges[e + 2], y1 = _edges[e + 3];
            if ((y0 <= y) != (y1 <= y))
            {
                crossings.Add(x0 + ((y - y0) / (y1 - y0) * (x1 - x0)));
            }
        }

        crossings.Sort();
        for (var k = 0; k + 1 < crossings.Count; k += 2)
        {
            // columns whose centre lies in [x_k, x_k+1)
            var first = (int)Math.Ceiling(((crossings[k] - grid.West) / grid.LongitudeStep) - 0.5);
            var last = (int)Math.Ceiling(((crossings[k + 1] - grid.West) / grid.LongitudeStep) - 0.5) - 1;
            first = Math.Max(first, 0);
            last = Math.Min(last, grid.Columns - 1);
            for (var c = first; c <= last; c++)
            {
                inside[c] = true;
            }
        }
    }

    private static void AddRing(List<double> edges, LineString ring)
    {
        var points = ring.CoordinateSequence;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            edges.Add(points.GetX(i));
            edges.Add(points.GetY(i));
            edges.Add(points.GetX(i + 1));
            edges.Add(points.GetY(i + 1));
        }
    }
}
