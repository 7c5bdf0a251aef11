using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Quanet.Core;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Reads a single-band GeoTIFF DEM (strips or tiles; int16, uint16, int32, float32 or float64; GDAL_NODATA as void)
/// georeferenced by ModelPixelScale + ModelTiepoint or a ModelTransformation without rotation, in EPSG:4326. Other
/// CRSs are refused naming their EPSG code: reprojection is left to a later change.
/// </summary>
internal static partial class GeoTiffDemReader
{
    /// <summary>Reads the DEM at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">Not a TIFF, an unsupported layout or CRS, a missing georeference, an absurd size.</exception>
    public static ElevationGrid Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileLength = new FileInfo(path).Length;
        LibTiffErrors.Clear();
        using var tiff = Tiff.Open(path, "r") ?? throw Bad(path, "not a TIFF file" + LibTiffErrors.Suffix());
        var width = Int(tiff, TiffTag.IMAGEWIDTH) ?? throw Bad(path, "no image width");
        var height = Int(tiff, TiffTag.IMAGELENGTH) ?? throw Bad(path, "no image length");
        var samples = Int(tiff, TiffTag.SAMPLESPERPIXEL) ?? 1;
        var bits = Int(tiff, TiffTag.BITSPERSAMPLE) ?? 1;
        var format = (SampleFormat)(Int(tiff, TiffTag.SAMPLEFORMAT) ?? (int)SampleFormat.UINT);
        if (width < 2 || height < 2)
        {
            throw Bad(path, $"{width} x {height} pixels: a DEM needs at least 2 x 2");
        }

        if ((long)width * height > ElevationGrid.MaxCells)
        {
            throw Bad(path, $"declares {width} x {height} pixels, more than the {ElevationGrid.MaxCells:N0} a DEM may have here (cut it to the region with gdal_translate -projwin)");
        }

        if (samples != 1)
        {
            throw Bad(path, $"{samples} samples per pixel: a DEM has one band of heights");
        }

        var kind = SampleKindOf(format, bits) ?? throw Bad(path, $"{bits}-bit {format} samples: supported are int16, uint16, int32, float32 and float64");

        // a compressed file cannot expand beyond what its codec allows; 4096:1 is above deflate's and LZW's limits
        var compression = (Compression)(Int(tiff, TiffTag.COMPRESSION) ?? (int)Compression.NONE);
        var declaredBytes = (long)width * height * (bits / 8);
        if (declaredBytes > (compression == Compression.NONE ? fileLength : fileLength * 4096))
        {
            throw Bad(path, $"declares {width} x {height} {bits}-bit pixels, more than its {fileLength} bytes can hold");
        }

        var crs = GeoKeys.Read(tiff, path).RequireWgs84(path);
        var georef = Georeference.Read(tiff, path, crs.PixelIsPoint);
        var nodata = NoData(tiff, path);
        var heights = new float[width * height];
        if (tiff.IsTiled())
        {
            ReadTiles(tiff, path, kind, width, height, heights);
        }
        else
        {
            ReadStrips(tiff, path, kind, width, height, heights);
        }

        if (nodata is { } nd)
        {
            var marker = (float)nd;
            for (var i = 0; i < heights.Length; i++)
            {
                if (heights[i] == marker)
                {
                    heights[i] = float.NaN;
                }
            }
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} ({width} x {height})");
        return new ElevationGrid(heights, height, width, georef.Top, georef.Left, georef.StepY, georef.StepX, description);
    }

    internal static InputFormatException Bad(string path, string reason) => new(path, 0, reason);

    private static int? Int(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: > 0 } v ? v[0].ToInt() : null;

    internal static double? NoData(Tiff tiff, string path)
    {
        if (tiff.GetField(TiffTag.GDAL_NODATA) is not { Length: > 0 } v)
        {
            return null;
        }

        var text = v[^1].ToString()?.Trim('\0', ' ');
        if (string.IsNullOrEmpty(text) || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(path, $"GDAL_NODATA '{text}' is not a number");
    }

    // the DEM's sample types: of those the raster readers decode, the ones elevation models come in
    private static RasterSamples.Kind? SampleKindOf(SampleFormat format, int bits) => RasterSamples.Of(format, bits) is { } kind
        && kind is RasterSamples.Kind.Int16 or RasterSamples.Kind.UInt16 or RasterSamples.Kind.Int32 or RasterSamples.Kind.Float32 or RasterSamples.Kind.Float64
        ? kind : null;
}
