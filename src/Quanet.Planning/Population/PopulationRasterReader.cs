using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Quanet.Core;
using Quanet.Planning.Geography;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Population;

/// <summary>
/// Reads a single-band population GeoTIFF (strips or tiles; int/uint 8-32 bits, float32/64; GDAL_NODATA, negative and
/// NaN samples count as 0 people) in any CRS <see cref="RasterCrs"/> supports, and sums its pixels onto a
/// <see cref="CellGrid"/> of the region's local projection: each pixel's people go to the cell holding the pixel's
/// centre. Only the strips or tiles that cross the region's bounding box are decoded, one at a time, so memory is
/// bounded by one block plus the populated cells, whatever the raster's size.
/// </summary>
internal static partial class PopulationRasterReader
{
    // a strip or tile larger than this is refused rather than allocated (GDAL writes 8 KB-1 MB blocks)
    private const long MaxBlockBytes = 256L << 20;

    /// <summary>Reads <paramref name="path"/>, adding the people of its pixels inside <paramref name="region"/>'s bounding box to <paramref name="grid"/>.</summary>
    /// <exception cref="InputFormatException">Not a TIFF, an unsupported layout or CRS, a missing georeference, an absurd size, no overlap with the region.</exception>
    public static RasterSummary Read(string path, Region region, CellGrid grid)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(grid);
        var fileLength = new FileInfo(path).Length;
        LibTiffErrors.Clear();
        using var tiff = Tiff.Open(path, "r") ?? throw GeoTiffDemReader.Bad(path, "not a TIFF file" + LibTiffErrors.Suffix());
        var width = Int(tiff, TiffTag.IMAGEWIDTH) ?? throw GeoTiffDemReader.Bad(path, "no image width");
        var height = Int(tiff, TiffTag.IMAGELENGTH) ?? throw GeoTiffDemReader.Bad(path, "no image length");
        var samples = Int(tiff, TiffTag.SAMPLESPERPIXEL) ?? 1;
        var bits = Int(tiff, TiffTag.BITSPERSAMPLE) ?? 1;
        var format = (SampleFormat)(Int(tiff, TiffTag.SAMPLEFORMAT) ?? (int)SampleFormat.UINT);
        if (width < 1 || height < 1)
        {
            throw GeoTiffDemReader.Bad(path, $"{width} x {height} pixels: an empty raster");
        }

        if (samples != 1)
        {
            throw GeoTiffDemReader.Bad(path, $"{samples} samples per pixel: a population raster has one band of people per pixel");
        }

        var kind = RasterSamples.Of(format, bits) ?? throw GeoTiffDemReader.Bad(path, $"{bits}-bit {format} samples: supported are int8-int32, uint8-uint32, float32 and float64");

        // a compressed file cannot expand beyond what its codec allows; 4096:1 is above deflate's and LZW's limits
        var compression = (Compression)(Int(tiff, TiffTag.COMPRESSION) ?? (int)Compression.NONE);
        var declaredBytes = (long)width * height * (bits / 8);
        if (declaredBytes > (compression == Compression.NONE ? fileLength : fileLength * 4096))
        {
            throw GeoTiffDemReader.Bad(path, $"declares {width} x {height} {bits}-bit pixels, more than its {fileLength} bytes can hold");
        }

        var keys = GeoKeys.Read(tiff, path);
        var projection = RasterCrs.Resolve(keys, path);
        var georef = Georeference.Read(tiff, path, keys.PixelIsPoint);
        var nodata = GeoTiffDemReader.NoData(tiff, path) is { } nd ? RasterSamples.Stored(kind, nd) : (double?)null;
        var window = Window(region, projection, georef, width, height)
            ?? throw GeoTiffDemReader.Bad(path, $"the raster ({projection.Name}) does not overlap region {region.Name}");

        var sink = new PixelSink(projection, region, grid, georef, nodata);
        if (tiff.IsTiled())
        {
            ReadTiles(tiff, path, kind, width, height, window, sink);
        }
        else
        {
            ReadStrips(tiff, path, kind, width, height, window, sink);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} ({width} x {height}, {projection.Name})");
        return new RasterSummary(name, projection.Name, width, height, sink.PixelsRead, sink.PeopleInBox);
    }

    private static int? Int(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: > 0 } v ? v[0].ToInt() : null;

    /// <summary>
    /// The pixel window (columns x0..x1, rows y0..y1, inclusive) holding the region's lon/lat bounding box: 33 x 33
    /// points over the box projected into the raster's CRS, padded by two pixels (a projected box's edges curve), or
    /// null when it misses the raster.
    /// </summary>
    private static (int X0, int Y0, int X1, int Y1)? Window(Region region, IRasterProjection projection, Georeference g, int width, int height)
    {
        var box = region.Outline.EnvelopeInternal;
        double minCol = double.MaxValue, maxCol = double.MinValue, minRow = double.MaxValue, maxRow = double.MinValue;
        const int N = 32;
        for (var a = 0; a <= N; a++)
        {
            for (var b = 0; b <= N; b++)
            {
                var p = new GeoPoint(box.MinY + (box.Height * b / N), box.MinX + (box.Width * a / N));
                var (x, y) = projection.Forward(p);
                if (!double.IsFinite(x) || !double.IsFinite(y))
                {
                    continue;
                }

                var col = (x - g.Left) / g.StepX;
                var row = (g.Top - y) / g.StepY;
                (minCol, maxCol, minRow, maxRow) = (Math.Min(minCol, col), Math.Max(maxCol, col), Math.Min(minRow, row), Math.Max(maxRow, row));
            }
        }

        var x0 = (int)Math.Max(0, Math.Floor(minCol) - 2);
        var x1 = (int)Math.Min(width - 1, Math.Ceiling(maxCol) + 2);
        var y0 = (int)Math.Max(0, Math.Floor(minRow) - 2);
        var y1 = (int)Math.Min(height - 1, Math.Ceiling(maxRow) + 2);
        return minCol <= maxCol && x0 <= x1 && y0 <= y1 ? (x0, y0, x1, y1) : null;
    }
}
