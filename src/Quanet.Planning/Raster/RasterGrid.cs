namespace Quanet.Planning.Raster;

/// <summary>
/// A north-up grid of pixels in WGS 84 longitude/latitude (EPSG:4326): row 0 northmost, column 0 westmost, each pixel an
/// area (GeoTIFF PixelIsArea) whose north-west corner is (<see cref="West"/> + c dx, <see cref="North"/> - r dy).
/// </summary>
/// <param name="Rows">Rows, north to south.</param>
/// <param name="Columns">Columns, west to east.</param>
/// <param name="West">Longitude of the grid's western edge, degrees.</param>
/// <param name="North">Latitude of the grid's northern edge, degrees.</param>
/// <param name="LatitudeStep">Pixel height, degrees.</param>
/// <param name="LongitudeStep">Pixel width, degrees.</param>
public sealed record RasterGrid(int Rows, int Columns, double West, double North, double LatitudeStep, double LongitudeStep)
{
    /// <summary>Number of pixels.</summary>
    public long Pixels => (long)Rows * Columns;

    /// <summary>Latitude of the centre of row <paramref name="row"/>.</summary>
    public double CentreLatitude(int row) => North - ((row + 0.5) * LatitudeStep);

    /// <summary>Longitude of the centre of column <paramref name="column"/>.</summary>
    public double CentreLongitude(int column) => West + ((column + 0.5) * LongitudeStep);

    /// <summary>
    /// The grid over the box [<paramref name="west"/>, <paramref name="east"/>] x [<paramref name="south"/>,
    /// <paramref name="north"/>] at <paramref name="resolution"/> (its metres taken at the box's middle latitude),
    /// coarsened by the smallest factor that keeps it within <paramref name="maxPixels"/>.
    /// </summary>
    /// <returns>The grid and the factor (1 when the resolution was kept).</returns>
    public static (RasterGrid Grid, double Coarsening) Cover(double west, double south, double east, double north, RasterResolution resolution, long maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        var (dy, dx) = resolution.Steps(0.5 * (south + north));
        var factor = 1.0;
        while (true)
        {
            var rows = Math.Max(1, (int)Math.Ceiling(Math.Round((north - south) / (dy * factor), 9)));
            var columns = Math.Max(1, (int)Math.Ceiling(Math.Round((east - west) / (dx * factor), 9)));
            if ((long)rows * columns <= maxPixels)
            {
                return (new RasterGrid(rows, columns, west, north, dy * factor, dx * factor), factor);
            }

            // the area shrinks with the square of the factor; a few percent more each round settles the rounding
            factor *= Math.Max(1.01, Math.Sqrt((double)rows * columns / maxPixels));
        }
    }
}
