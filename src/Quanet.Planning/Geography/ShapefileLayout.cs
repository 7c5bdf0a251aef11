using System.Buffers.Binary;
using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>
/// Checks the structure of a polygon or point .shp (Esri Shapefile Technical Description, 1998) before the library reads it:
/// the header, and that every record's declared part and point counts fit the record's own length, so a damaged
/// file is refused in one line instead of reaching sizes or loops the library trusts.
/// </summary>
internal static class ShapefileLayout
{
    private const int HeaderBytes = 100;

    /// <summary>Refuses <paramref name="shp"/> (the bytes of <paramref name="name"/>) unless it is a well-formed polygon shapefile.</summary>
    /// <exception cref="InputFormatException">The first structural fault found, with its byte offset.</exception>
    public static void Check(ReadOnlySpan<byte> shp, string name)
    {
        var type = Header(shp, name);
        if (type is not (5 or 15 or 25))
        {
            throw new InputFormatException(name, 1, $"shape type {type} is not a polygon type (5, 15 or 25)");
        }

        Records(shp, name, type);
    }

    /// <summary>Refuses <paramref name="shp"/> unless it is a well-formed point shapefile (Point, PointZ or PointM).</summary>
    /// <exception cref="InputFormatException">The first structural fault found, with its byte offset.</exception>
    public static void CheckPoints(ReadOnlySpan<byte> shp, string name)
    {
        var type = Header(shp, name);
        if (type is not (1 or 11 or 21))
        {
            throw new InputFormatException(name, 1, $"shape type {type} is not a point type (1, 11 or 21): candidates are points");
        }

        Records(shp, name, type);
    }

    /// <summary>Whether a .prj's WKT is WGS 84 longitude/latitude.</summary>
    public static bool IsWgs84(string wkt) =>
        wkt.TrimStart().StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase)
        && (wkt.Contains("WGS_1984", StringComparison.OrdinalIgnoreCase) || wkt.Contains("WGS 84", StringComparison.OrdinalIgnoreCase));

    private static int Header(ReadOnlySpan<byte> shp, string name)
    {
        if (shp.Length < HeaderBytes || BinaryPrimitives.ReadInt32BigEndian(shp) != 9994 || BinaryPrimitives.ReadInt32LittleEndian(shp[28..]) != 1000)
        {
            throw new InputFormatException(name, 1, "not an Esri Shapefile (no file code 9994 and version 1000 in the header)");
        }

        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(shp[24..]);
        if (declared != shp.Length)
        {
            throw new InputFormatException(name, 1, $"the header declares {declared} bytes but the file has {shp.Length}");
        }

        return BinaryPrimitives.ReadInt32LittleEndian(shp[32..]);
    }

    private static void Records(ReadOnlySpan<byte> shp, string name, int type)
    {
        for (var offset = HeaderBytes; offset < shp.Length;)
        {
            if (shp.Length - offset < 12)
            {
                throw new InputFormatException(name, 1, $"record at byte {offset} is cut short");
            }

            var length = 2L * BinaryPrimitives.ReadInt32BigEndian(shp[(offset + 4)..]);
            if (length < 4 || length > shp.Length - offset - 8)
            {
                throw new InputFormatException(name, 1, $"record at byte {offset} declares {length} bytes, more than the file holds");
            }

            CheckRecord(shp.Slice(offset + 8, (int)length), type, offset, name);
            offset += 8 + (int)length;
        }
    }

    private static void CheckRecord(ReadOnlySpan<byte> record, int fileType, int offset, string name)
    {
        var type = BinaryPrimitives.ReadInt32LittleEndian(record);
        if (type == 0)
        {
            return;
        }

        if (fileType is 1 or 11 or 21)
        {
            // X, Y; PointM adds M, PointZ adds Z and M
            var size = fileType == 1 ? 20 : fileType == 21 ? 28 : 36;
            if (type != fileType || record.Length < size)
            {
                throw new InputFormatException(name, 1, $"record at byte {offset} has shape type {type} in a file of type {fileType}, or is shorter than a point");
            }

            return;
        }

        if (type != fileType || record.Length < 44)
        {
            throw new InputFormatException(name, 1, $"record at byte {offset} has shape type {type} in a file of type {fileType}, or no room for its counts");
        }

        var parts = BinaryPrimitives.ReadInt32LittleEndian(record[36..]);
        var points = BinaryPrimitives.ReadInt32LittleEndian(record[40..]);

        // X, Y per point; PolygonM adds a range and an M per point, PolygonZ a Z range and Z per point (and optional M)
        var perPoint = fileType == 5 ? 16L : 24L;
        var needed = 44L + (4L * parts) + (perPoint * points) + (fileType == 5 ? 0 : 16);
        if (parts < 1 || points < 0 || needed > record.Length)
        {
            throw new InputFormatException(name, 1, $"record at byte {offset} declares {parts} parts and {points} points, more than its {record.Length} bytes hold");
        }

        var previous = -1;
        for (var p = 0; p < parts; p++)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(record[(44 + (4 * p))..]);
            if (start <= previous || start >= points)
            {
                throw new InputFormatException(name, 1, $"record at byte {offset}: part {p + 1} starts at point {start}, outside 0-{points - 1} or not after the previous part");
            }

            previous = start;
        }
    }
}
