using System.Globalization;

namespace Quanet.Planning.Raster;

/// <summary>
/// The best-server signal of a plan on a raster: per pixel the strongest received power of the chosen sites and which
/// site gives it. Pixels outside the region or beyond every site's reach hold no value.
/// </summary>
public sealed class CoverageRaster
{
    internal CoverageRaster(RasterGrid grid, float[] power, int[] server, RasterResolution resolution, double coarsening, TimeSpan elapsed)
    {
        Grid = grid;
        Power = power;
        Server = server;
        Resolution = resolution;
        Coarsening = coarsening;
        Elapsed = elapsed;
    }

    /// <summary>The grid (EPSG:4326).</summary>
    public RasterGrid Grid { get; }

    /// <summary>Received power of the best server per pixel, dBm, row-major; NaN where there is none.</summary>
    public float[] Power { get; }

    /// <summary>The best server per pixel: its 1-based position among the plan's sites (the <c>fid</c> of the GeoPackage's sites layer), 0 for none.</summary>
    public int[] Server { get; }

    /// <summary>The resolution asked for.</summary>
    public RasterResolution Resolution { get; }

    /// <summary>How much coarser the grid is than asked, to stay within the pixel limit (1 = as asked).</summary>
    public double Coarsening { get; }

    /// <summary>Wall time of the computation.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The pixel size asked for and, when it was coarsened, by how much and why.</summary>
    public string Description => Coarsening > 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Resolution} asked, coarsened {Coarsening:0.###}x to stay within {CoverageRasterBuilder.MaxPixels:N0} pixels")
        : $"{Resolution} pixels";

    /// <summary>Number of pixels with a value.</summary>
    public int PixelsWithSignal
    {
        get
        {
            var n = 0;
            foreach (var s in Server)
            {
                n += s > 0 ? 1 : 0;
            }

            return n;
        }
    }
}
