using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Quanet.Core;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Raster;

/// <summary>
/// Writes one band of a <see cref="RasterGrid"/> as a GeoTIFF (OGC GeoTIFF 1.1) in EPSG:4326: 32-bit samples (float32
/// or int32) in strips of 16 rows, deflate or uncompressed, ModelPixelScale + ModelTiepoint at the north-west corner,
/// GeoKeys geographic / PixelIsArea / EPSG:4326, GDAL_NODATA and an optional ImageDescription. The one GeoTIFF writer: DEMs and coverage rasters.
/// </summary>
internal static class GeoTiffWriter
{
    private const int RowsPerStrip = 16;

    /// <summary>Writes float32 samples (NaN written as <paramref name="noData"/>).</summary>
    /// <exception cref="QuanetException">The file cannot be written.</exception>
    public static void WriteFloat32(string path, RasterGrid grid, float[] values, float noData, bool deflate = true, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Write(path, grid, SampleFormat.IEEEFP, noData.ToString(CultureInfo.InvariantCulture), deflate, description, (i, span) =>
            BitConverter.TryWriteBytes(span, float.IsNaN(values[i]) ? noData : values[i]));
    }

    /// <summary>Writes int32 samples; <paramref name="noData"/> is only declared.</summary>
    /// <exception cref="QuanetException">The file cannot be written.</exception>
    public static void WriteInt32(string path, RasterGrid grid, int[] values, int noData, bool deflate = true, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Write(path, grid, SampleFormat.INT, noData.ToString(CultureInfo.InvariantCulture), deflate, description, (i, span) => BitConverter.TryWriteBytes(span, values[i]));
    }

    private static void Write(string path, RasterGrid grid, SampleFormat format, string noData, bool deflate, string? description, Func<long, Span<byte>, bool> sample)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(grid);
        LibTiffErrors.Clear();
        using var tiff = Tiff.Open(path, "w") ?? throw new QuanetException($"{path}: cannot be written" + LibTiffErrors.Suffix());
        int width = grid.Columns, height = grid.Rows;
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
        tiff.SetField(TiffTag.BITSPERSAMPLE, 32);
        tiff.SetField(TiffTag.SAMPLEFORMAT, format);
        tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, deflate ? Compression.DEFLATE : Compression.NONE);
        tiff.SetField(TiffTag.ROWSPERSTRIP, RowsPerStrip);
        tiff.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { grid.LongitudeStep, grid.LatitudeStep, 0.0 });

        // raster point (0, 0) is the north-west corner of the first pixel (PixelIsArea)
        tiff.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0.0, 0.0, 0.0, grid.West, grid.North, 0.0 });

        // version 1.1.0, three keys: geographic model, PixelIsArea, EPSG:4326
        short[] keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326];
        tiff.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
        tiff.SetField(TiffTag.GDAL_NODATA, noData);
        if (description is not null)
        {
            tiff.SetField(TiffTag.IMAGEDESCRIPTION, description);
        }

        var buffer = new byte[RowsPerStrip * width * 4];
        for (int s = 0, row = 0; row < height; s++, row += RowsPerStrip)
        {
            var rows = Math.Min(RowsPerStrip, height - row);
            var offset = (long)row * width;
            for (var i = 0; i < rows * width; i++)
            {
                sample(offset + i, buffer.AsSpan(i * 4, 4));
            }

            if (tiff.WriteEncodedStrip(s, buffer, rows * width * 4) < 0)
            {
                throw new QuanetException($"{path}: strip {s} could not be written" + LibTiffErrors.Suffix());
            }
        }
    }
}
