using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Quanet.Core;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Reads an SRTM <c>.hgt</c> tile: a square of big-endian int16 heights in metres, 3601 x 3601 (1 arc-second) or
/// 1201 x 1201 (3 arc-seconds), rows north to south, void -32768; the file name (<c>N47E011.hgt</c>) names the
/// south-west corner, and the tile spans one degree including both edges.
/// </summary>
internal static partial class HgtReader
{
    /// <summary>The void marker of SRTM tiles.</summary>
    public const short Void = -32768;

    /// <summary>Reads the tile at <paramref name="path"/>.</summary>
    /// <exception cref="InputFormatException">The name is not of the form N47E011.hgt, or the size is not one of the two tile sizes.</exception>
    public static ElevationGrid Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var match = TileName().Match(name);
        if (!match.Success)
        {
            throw new InputFormatException(path, 0, "an SRTM tile is named after its south-west corner, like N47E011.hgt");
        }

        var south = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (match.Groups[1].Value is "S" or "s" ? -1 : 1);
        var west = int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture) * (match.Groups[3].Value is "W" or "w" ? -1 : 1);
        if (south is < -90 or > 89 || west is < -180 or > 179)
        {
            throw new InputFormatException(path, 0, $"corner {south},{west} is not a valid one-degree tile");
        }

        using var stream = File.OpenRead(path);
        var size = stream.Length switch
        {
            3601L * 3601 * 2 => 3601,
            1201L * 1201 * 2 => 1201,
            _ => throw new InputFormatException(path, 0, $"{stream.Length} bytes is neither a 1\" tile (3601 x 3601 x 2 bytes) nor a 3\" tile (1201 x 1201 x 2 bytes)"),
        };

        var heights = new float[size * size];
        var row = new byte[size * 2];
        for (var r = 0; r < size; r++)
        {
            stream.ReadExactly(row);
            var offset = r * size;
            for (var c = 0; c < size; c++)
            {
                var v = BinaryPrimitives.ReadInt16BigEndian(row.AsSpan(c * 2, 2));
                heights[offset + c] = v == Void ? float.NaN : v;
            }
        }

        var step = 1.0 / (size - 1);
        return new ElevationGrid(heights, size, size, south + 1, west, step, step, $"{name} ({size} x {size})");
    }

    [GeneratedRegex(@"^([NSns])(\d{2})([EWew])(\d{3})\.hgt$")]
    private static partial Regex TileName();
}
