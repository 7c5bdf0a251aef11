namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>Helpers for bit strings packed little-endian into 64-bit words.</summary>
public static class BitString
{
    /// <summary>Words needed for <paramref name="bits"/> bits.</summary>
    public static int Words(long bits) => (int)((bits + 63) >> 6);

    /// <summary>Packs one bit per byte (0/1) into words.</summary>
    public static ulong[] Pack(ReadOnlySpan<byte> bits)
    {
        var words = new ulong[Words(bits.Length)];
        for (var i = 0; i < bits.Length; i++)
        {
            words[i >> 6] |= (ulong)(bits[i] & 1) << (i & 63);
        }

        return words;
    }

    /// <summary>Unpacks <paramref name="count"/> bits into one bit per byte.</summary>
    public static byte[] Unpack(ReadOnlySpan<ulong> words, int count)
    {
        var bits = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bits[i] = (byte)((words[i >> 6] >> (i & 63)) & 1);
        }

        return bits;
    }

    /// <summary>Bit <paramref name="index"/> of a packed string.</summary>
    public static int Get(ReadOnlySpan<ulong> words, long index) => (int)((words[(int)(index >> 6)] >> (int)(index & 63)) & 1);

    /// <summary>Copies bits [start, start + count) of <paramref name="source"/> into a new packed string.</summary>
    public static ulong[] Slice(ReadOnlySpan<ulong> source, long start, int count)
    {
        var result = new ulong[Words(count)];
        var word = (int)(start >> 6);
        var shift = (int)(start & 63);
        for (var i = 0; i < result.Length; i++)
        {
            var low = word + i < source.Length ? source[word + i] >> shift : 0;
            var high = shift != 0 && word + i + 1 < source.Length ? source[word + i + 1] << (64 - shift) : 0;
            result[i] = low | high;
        }

        ClearAbove(result, count);
        return result;
    }

    /// <summary>Zeroes the bits at and above <paramref name="count"/>.</summary>
    public static void ClearAbove(Span<ulong> words, long count)
    {
        var full = (int)(count >> 6);
        var remainder = (int)(count & 63);
        if (full < words.Length)
        {
            if (remainder != 0)
            {
                words[full] &= (1UL << remainder) - 1;
                full++;
            }

            words[full..].Clear();
        }
    }
}
