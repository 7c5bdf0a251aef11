using System.Buffers.Binary;
using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>The sample types of a single-band raster and their decoding (LibTiff hands them over in host byte order, little-endian here).</summary>
internal static class RasterSamples
{
    /// <summary>A TIFF sample type.</summary>
    public enum Kind
    {
        /// <summary>Signed 8-bit.</summary>
        Int8,

        /// <summary>Unsigned 8-bit.</summary>
        UInt8,

        /// <summary>Signed 16-bit.</summary>
        Int16,

        /// <summary>Unsigned 16-bit.</summary>
        UInt16,

        /// <summary>Signed 32-bit.</summary>
        Int32,

        /// <summary>Unsigned 32-bit.</summary>
        UInt32,

        /// <summary>IEEE single.</summary>
        Float32,

        /// <summary>IEEE double.</summary>
        Float64,
    }

    /// <summary>The kind of (format, bits), or null for one not read here.</summary>
    public static Kind? Of(SampleFormat format, int bits) => (format, bits) switch
    {
        (SampleFormat.INT, 8) => Kind.Int8,
        (SampleFormat.UINT, 8) => Kind.UInt8,
        (SampleFormat.INT, 16) => Kind.Int16,
        (SampleFormat.UINT, 16) => Kind.UInt16,
        (SampleFormat.INT, 32) => Kind.Int32,
        (SampleFormat.UINT, 32) => Kind.UInt32,
        (SampleFormat.IEEEFP, 32) => Kind.Float32,
        (SampleFormat.IEEEFP, 64) => Kind.Float64,
        _ => null,
    };

    /// <summary>Bytes per sample.</summary>
    public static int Size(Kind kind) => kind switch
    {
        Kind.Int8 or Kind.UInt8 => 1,
        Kind.Int16 or Kind.UInt16 => 2,
        Kind.Int32 or Kind.UInt32 or Kind.Float32 => 4,
        _ => 8,
    };

    /// <summary>
    /// The value <paramref name="nodata"/> takes after passing through <paramref name="kind"/> (a float32 file's
    /// -3.4028235e+38 is not the double of its text), so that decoded samples compare equal to it.
    /// </summary>
    public static double Stored(Kind kind, double nodata) => kind == Kind.Float32 ? (float)nodata : nodata;

    /// <summary>Decodes <paramref name="target"/>.Length samples from <paramref name="source"/>.</summary>
    public static void Decode(Kind kind, ReadOnlySpan<byte> source, Span<double> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = kind switch
            {
                Kind.Int8 => (sbyte)source[i],
                Kind.UInt8 => source[i],
                Kind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(source[(2 * i)..]),
                Kind.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(source[(2 * i)..]),
                Kind.Int32 => BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]),
                Kind.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(source[(4 * i)..]),
                Kind.Float32 => BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]),
                _ => BinaryPrimitives.ReadDoubleLittleEndian(source[(8 * i)..]),
            };
        }
    }
}
