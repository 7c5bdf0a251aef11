using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>The pixel facet: strips and tiles decoded by LibTiff (in host byte order) into float heights.</summary>
internal static partial class GeoTiffDemReader
{
    private static void ReadStrips(Tiff tiff, string path, RasterSamples.Kind kind, int width, int height, float[] heights)
    {
        var rowsPerStrip = Math.Clamp(tiff.GetField(TiffTag.ROWSPERSTRIP) is { Length: > 0 } v ? v[0].ToInt() : height, 1, height);
        var size = RasterSamples.Size(kind);
        var buffer = new byte[tiff.StripSize()];
        var strips = tiff.NumberOfStrips();
        for (var s = 0; s < strips; s++)
        {
            var firstRow = s * rowsPerStrip;
            if (firstRow >= height)
            {
                break;
            }

            var rows = Math.Min(rowsPerStrip, height - firstRow);
            var need = rows * width * size;
            if (buffer.Length < need || tiff.ReadEncodedStrip(s, buffer, 0, need) < need)
            {
                throw Bad(path, $"strip {s} is truncated or corrupt" + LibTiffErrors.Suffix());
            }

            Convert(kind, buffer.AsSpan(0, need), heights.AsSpan(firstRow * width, rows * width));
        }
    }

    private static void ReadTiles(Tiff tiff, string path, RasterSamples.Kind kind, int width, int height, float[] heights)
    {
        var tileWidth = tiff.GetField(TiffTag.TILEWIDTH) is { Length: > 0 } w ? w[0].ToInt() : 0;
        var tileHeight = tiff.GetField(TiffTag.TILELENGTH) is { Length: > 0 } h ? h[0].ToInt() : 0;
        if (tileWidth <= 0 || tileHeight <= 0 || (long)tileWidth * tileHeight > 1 << 24)
        {
            throw Bad(path, $"tile size {tileWidth} x {tileHeight} is not usable");
        }

        var size = RasterSamples.Size(kind);
        var buffer = new byte[tileWidth * tileHeight * size];
        var row = new float[tileWidth];
        for (var y = 0; y < height; y += tileHeight)
        {
            for (var x = 0; x < width; x += tileWidth)
            {
                if (tiff.ReadTile(buffer, 0, x, y, 0, 0) < buffer.Length)
                {
                    throw Bad(path, $"tile at pixel {x},{y} is truncated or corrupt" + LibTiffErrors.Suffix());
                }

                var columns = Math.Min(tileWidth, width - x);
                for (var ty = 0; ty < tileHeight && y + ty < height; ty++)
                {
                    Convert(kind, buffer.AsSpan(ty * tileWidth * size, tileWidth * size), row);
                    row.AsSpan(0, columns).CopyTo(heights.AsSpan(((y + ty) * width) + x, columns));
                }
            }
        }
    }

    // heights as floats, decoded by the one sample decoder the raster readers share
    private static void Convert(RasterSamples.Kind kind, ReadOnlySpan<byte> source, Span<float> target)
    {
        Span<double> chunk = stackalloc double[256];
        for (var at = 0; at < target.Length; at += chunk.Length)
        {
            var n = Math.Min(chunk.Length, target.Length - at);
            var size = RasterSamples.Size(kind);
            RasterSamples.Decode(kind, source.Slice(at * size, n * size), chunk[..n]);
            for (var i = 0; i < n; i++)
            {
                target[at + i] = (float)chunk[i];
            }
        }
    }
}
