using System.Buffers;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// Product of long binary polynomials in O(n log n) GF(2^64) operations: both are cut into 32-bit pieces,
/// each piece an element of GF(2^64) whose products (degree at most 62) are never reduced, so the
/// polynomial product of the piece sequences over GF(2^64), computed by the additive FFT
/// (<see cref="AdditiveFft"/>), holds the binary product's pieces exactly; they overlap by 31 bits.
/// </summary>
internal static class Gf2FftMultiplier
{
    private const int PieceBits = 32;

    /// <summary>result = a b; a has <paramref name="aBits"/> bits, b <paramref name="bBits"/>, both zero above; result holds at least aBits + bBits bits and is overwritten.</summary>
    public static void Multiply(ReadOnlySpan<ulong> a, long aBits, ReadOnlySpan<ulong> b, long bBits, Span<ulong> result)
    {
        var aPieces = (aBits + PieceBits - 1) / PieceBits;
        var bPieces = (bBits + PieceBits - 1) / PieceBits;
        result.Clear();
        if (aPieces == 0 || bPieces == 0)
        {
            return;
        }

        var levels = 0;
        while ((1L << levels) < aPieces + bPieces - 1)
        {
            levels++;
        }

        var size = 1 << levels;
        var pool = ArrayPool<ulong>.Shared;
        var fa = pool.Rent(size);
        var fb = pool.Rent(size);
        try
        {
            var x = fa.AsSpan(0, size);
            var y = fb.AsSpan(0, size);
            Split(a, aPieces, x);
            Split(b, bPieces, y);
            AdditiveFft.ToNovelBasis(x, levels);
            AdditiveFft.ToNovelBasis(y, levels);
            AdditiveFft.Forward(x, levels);
            AdditiveFft.Forward(y, levels);
            AdditiveFft.MultiplyPointwise(x, y);
            AdditiveFft.Inverse(x, levels);
            AdditiveFft.FromNovelBasis(x, levels);
            Join(x[..(int)(aPieces + bPieces - 1)], result);
        }
        finally
        {
            pool.Return(fa);
            pool.Return(fb);
        }
    }

    private static void Split(ReadOnlySpan<ulong> words, long pieces, Span<ulong> target)
    {
        target.Clear();
        for (var k = 0; k < pieces; k++)
        {
            var word = words[k >> 1];
            target[k] = (k & 1) == 0 ? word & 0xFFFF_FFFFUL : word >> 32;
        }
    }

    private static void Join(ReadOnlySpan<ulong> pieces, Span<ulong> result)
    {
        for (var k = 0; k < pieces.Length; k++)
        {
            var c = pieces[k];
            var w = k >> 1;
            if ((k & 1) == 0)
            {
                result[w] ^= c;
            }
            else
            {
                result[w] ^= c << 32;
                if (w + 1 < result.Length)
                {
                    result[w + 1] ^= c >> 32;
                }
            }
        }
    }
}
