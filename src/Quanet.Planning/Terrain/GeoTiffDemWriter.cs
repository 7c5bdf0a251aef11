using Quanet.Core;
using Quanet.Planning.Raster;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Writes a DEM as a float32 GeoTIFF in EPSG:4326 (strips, deflate or uncompressed, PixelIsArea, GDAL_NODATA -32768)
/// through <see cref="GeoTiffWriter"/>: the synthetic DEMs of the example, the tests and the benchmark.
/// </summary>
internal static class GeoTiffDemWriter
{
    /// <summary>The value void samples (NaN) are written as.</summary>
    public const float NoData = -32768;

    /// <summary>Writes <paramref name="grid"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="grid">The heights.</param>
    /// <param name="deflate">Compress with deflate (small files; slow for hundreds of MB), else store the samples as they are.</param>
    /// <exception cref="QuanetException">The file cannot be written.</exception>
    public static void Write(string path, ElevationGrid grid, bool deflate = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(grid);
        var heights = new float[(long)grid.Rows * grid.Columns];
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                heights[((long)r * grid.Columns) + c] = grid.Sample(r, c);
            }
        }

        // the DEM's samples are pixel centres: the grid's corner lies half a step beyond the first one
        var raster = new RasterGrid(grid.Rows, grid.Columns, grid.West - (0.5 * grid.LongitudeStep), grid.North + (0.5 * grid.LatitudeStep), grid.LatitudeStep, grid.LongitudeStep);
        GeoTiffWriter.WriteFloat32(path, raster, heights, NoData, deflate);
    }
}
