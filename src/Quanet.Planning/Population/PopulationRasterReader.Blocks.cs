using BitMiracle.LibTiff.Classic;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Population;

/// <summary>The block facet: the strips or tiles that cross the window, decoded one at a time into a row of doubles.</summary>
internal static partial class PopulationRasterReader
{
    private static void ReadStrips(Tiff tiff, string path, RasterSamples.Kind kind, int width, int height, (int X0, int Y0, int X1, int Y1) w, PixelSink sink)
    {
        var rowsPerStrip = Math.Clamp(tiff.GetField(TiffTag.ROWSPERSTRIP) is { Length: > 0 } v ? v[0].ToInt() : height, 1, height);
        var size = RasterSamples.Size(kind);
        var stripBytes = (long)rowsPerStrip * width * size;
        if (stripBytes > MaxBlockBytes)
        {
            throw GeoTiffDemReader.Bad(path, $"strips of {rowsPerStrip} rows x {width} pixels ({stripBytes / (1 << 20):N0} MB) are too large to read one at a time (rewrite it tiled: gdal_translate -co TILED=YES)");
        }

        var buffer = new byte[stripBytes];
        var row = new double[w.X1 - w.X0 + 1];
        for (var s = w.Y0 / rowsPerStrip; s * rowsPerStrip <= w.Y1; s++)
        {
            var firstRow = s * rowsPerStrip;
            var rows = Math.Min(rowsPerStrip, height - firstRow);
            var need = rows * width * size;
            if (tiff.ReadEncodedStrip(s, buffer, 0, need) < need)
            {
                throw GeoTiffDemReader.Bad(path, $"strip {s} is truncated or corrupt" + LibTiffErrors.Suffix());
            }

            for (var r = Math.Max(firstRow, w.Y0); r <= Math.Min(firstRow + rows - 1, w.Y1); r++)
            {
                RasterSamples.Decode(kind, buffer.AsSpan((((r - firstRow) * width) + w.X0) * size, row.Length * size), row);
                sink.Row(r, w.X0, row);
            }
        }
    }

    private static void ReadTiles(Tiff tiff, string path, RasterSamples.Kind kind, int width, int height, (int X0, int Y0, int X1, int Y1) w, PixelSink sink)
    {
        var tileWidth = tiff.GetField(TiffTag.TILEWIDTH) is { Length: > 0 } tw ? tw[0].ToInt() : 0;
        var tileHeight = tiff.GetField(TiffTag.TILELENGTH) is { Length: > 0 } th ? th[0].ToInt() : 0;
        var size = RasterSamples.Size(kind);
        if (tileWidth <= 0 || tileHeight <= 0 || (long)tileWidth * tileHeight * size > MaxBlockBytes)
        {
            throw GeoTiffDemReader.Bad(path, $"tile size {tileWidth} x {tileHeight} is not usable");
        }

        var buffer = new byte[tileWidth * tileHeight * size];
        var row = new double[tileWidth];
        for (var y = w.Y0 / tileHeight * tileHeight; y <= w.Y1; y += tileHeight)
        {
            for (var x = w.X0 / tileWidth * tileWidth; x <= w.X1; x += tileWidth)
            {
                if (tiff.ReadTile(buffer, 0, x, y, 0, 0) < buffer.Length)
                {
                    throw GeoTiffDemReader.Bad(path, $"tile at pixel {x},{y} is truncated or corrupt" + LibTiffErrors.Suffix());
                }

                var c0 = Math.Max(x, w.X0);
                var c1 = Math.Min(Math.Min(x + tileWidth, width) - 1, w.X1);
                var columns = c1 - c0 + 1;
                for (var r = Math.Max(y, w.Y0); r <= Math.Min(Math.Min(y + tileHeight, height) - 1, w.Y1); r++)
                {
                    RasterSamples.Decode(kind, buffer.AsSpan((((r - y) * tileWidth) + (c0 - x)) * size, columns * size), row.AsSpan(0, columns));
                    sink.Row(r, c0, row.AsSpan(0, columns));
                }
            }
        }
    }
}
