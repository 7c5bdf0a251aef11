using System.Buffers.Binary;
using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>The pixel facet: strips and tiles decoded by LibTiff (in host byte order) into float heights.</summary>
internal static partial class GeoTiffDemReader
{
    private enum SampleKind
    {
        Int16,
        UInt16,
        Int32,
        Float32,
        Float64,
    }

    private static int Size(SampleKind kind) => kind switch
    {
        SampleKind.Int16 or SampleKind.UInt16 => 2,
        SampleKind.Int32 or SampleKind.Float32 => 4,
        _ => 8,
    };

    private static void ReadStrips(Tiff tiff, string path, SampleKind kind, int width, int height, float[] heights)
    {
        var rowsPerStrip = Math.Clamp(tiff.GetField(TiffTag.ROWSPERSTRIP) is { Length: > 0 } v ? v[0].ToInt() : height, 1, height);
        var size = Size(kind);
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

    private static void ReadTiles(Tiff tiff, string path, SampleKind kind, int width, int height, float[] heights)
    {
        var tileWidth = tiff.GetField(TiffTag.TILEWIDTH) is { Length: > 0 } w ? w[0].ToInt() : 0;
        var tileHeight = tiff.GetField(TiffTag.TILELENGTH) is { Length: > 0 } h ? h[0].ToInt() : 0;
        if (tileWidth <= 0 || tileHeight <= 0 || (long)tileWidth * tileHeight > 1 << 24)
        {
            throw Bad(path, $"tile size {tileWidth} x {tileHeight} is not usable");
        }

        var size = Size(kind);
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

    private static void Convert(SampleKind kind, ReadOnlySpan<byte> source, Span<float> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = kind switch
            {
                SampleKind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(source[(2 * i)..]),
                SampleKind.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(source[(2 * i)..]),
                SampleKind.Int32 => BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]),
                SampleKind.Float32 => BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]),
                _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(source[(8 * i)..]),
            };
        }
    }
}
