using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Quanet.Core;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Writes a DEM as a float32 GeoTIFF in EPSG:4326 (strips, deflate or uncompressed, PixelIsArea, GDAL_NODATA -32768):
/// the synthetic DEMs of the example, the tests and the benchmark.
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
        LibTiffErrors.Clear();
        using var tiff = Tiff.Open(path, "w") ?? throw new QuanetException($"{path}: cannot be written" + LibTiffErrors.Suffix());
        int width = grid.Columns, height = grid.Rows;
        const int rowsPerStrip = 16;
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 32);
        tiff.SetField(TiffTag.SAMPLEFORMAT, SampleFormat.IEEEFP);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, deflate ? Compression.DEFLATE : Compression.NONE);
        tiff.SetField(TiffTag.ROWSPERSTRIP, rowsPerStrip);
        tiff.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { grid.LongitudeStep, grid.LatitudeStep, 0.0 });

        // raster point (0, 0) is the north-west corner of the first pixel, half a step beyond its centre
        tiff.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0.0, 0.0, 0.0, grid.West - (0.5 * grid.LongitudeStep), grid.North + (0.5 * grid.LatitudeStep), 0.0 });

        // version 1.1.0, three keys: geographic model, PixelIsArea, EPSG:4326
        short[] keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326];
        tiff.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
        tiff.SetField(TiffTag.GDAL_NODATA, NoData.ToString(CultureInfo.InvariantCulture));
        var buffer = new byte[rowsPerStrip * width * 4];
        for (int s = 0, row = 0; row < height; s++, row += rowsPerStrip)
        {
            var rows = Math.Min(rowsPerStrip, height - row);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    var h = grid.Sample(row + r, c);
                    BitConverter.TryWriteBytes(buffer.AsSpan(((r * width) + c) * 4), float.IsNaN(h) ? NoData : h);
                }
            }

            if (tiff.WriteEncodedStrip(s, buffer, rows * width * 4) < 0)
            {
                throw new QuanetException($"{path}: strip {s} could not be written" + LibTiffErrors.Suffix());
            }
        }
    }
}
