using Quanet.Planning.Geography;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Population;

/// <summary>
/// Where decoded raster rows go: each pixel with people (not nodata, not NaN, above 0) is taken from its centre in the
/// raster's CRS to WGS 84, then to the region's local plane, and added to the cell holding it if it lies within the
/// region's projected bounding box (padded by one cell); the clip to the outline itself happens on cell centres.
/// </summary>
internal sealed class PixelSink(IRasterProjection projection, Region region, CellGrid grid, Georeference georef, double? nodata)
{
    private readonly NetTopologySuite.Geometries.Envelope _box = Padded(region.ProjectedOutline.EnvelopeInternal, grid.CellSize);

    /// <summary>Pixels decoded.</summary>
    public long PixelsRead { get; private set; }

    /// <summary>People in the pixels added to the grid.</summary>
    public double PeopleInBox { get; private set; }

    /// <summary>Takes row <paramref name="row"/>'s pixels from column <paramref name="firstColumn"/> on.</summary>
    public void Row(int row, int firstColumn, ReadOnlySpan<double> values)
    {
        PixelsRead += values.Length;
        var y = georef.Top - (row * georef.StepY);
        for (var k = 0; k < values.Length; k++)
        {
            var v = values[k];
            if (!(v > 0) || v == nodata || double.IsInfinity(v))
            {
                continue;
            }

            var p = projection.Inverse(georef.Left + ((firstColumn + k) * georef.StepX), y);
            if (!p.IsValid)
            {
                continue;
            }

            var (px, py) = region.Projection.Forward(p);
            if (px < _box.MinX || px > _box.MaxX || py < _box.MinY || py > _box.MaxY)
            {
                continue;
            }

            grid.Add(px, py, v);
            PeopleInBox += v;
        }
    }

    private static NetTopologySuite.Geometries.Envelope Padded(NetTopologySuite.Geometries.Envelope e, double by)
    {
        var copy = new NetTopologySuite.Geometries.Envelope(e);
        copy.ExpandBy(by);
        return copy;
    }
}
