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
    /// <param name="a">First factor, packed.</param>
    /// <param name="aBits">Its length in bits.</param>
    /// <param name="b">Second factor, packed.</param>
    /// <param name="bBits">Its length in bits.</param>
    /// <param name="result">The product (overwritten).</param>
    /// <param name="parallelism">Threads to use (1: this one only); the result is the same for any value.</param>
    /// <param name="localLevels">Transform levels run chunk by chunk (a tuning knob; tests lower it to reach the other levels' code).</param>
    public static void Multiply(ReadOnlySpan<ulong> a, long aBits, ReadOnlySpan<ulong> b, long bBits, Span<ulong> result, int parallelism = 1, int localLevels = AdditiveFft.DefaultLocalLevels)
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
            Split(a, aPieces, fa.AsSpan(0, size));
            Split(b, bPieces, fb.AsSpan(0, size));
            if (parallelism > 1)
            {
                // the two factors' transforms are independent: each on its share of the threads
                var first = parallelism / 2;
                Parallel.Invoke(() => Transform(fa, levels, first, localLevels), () => Transform(fb, levels, parallelism - first, localLevels));
            }
            else
            {
                Transform(fa, levels, 1, localLevels);
                Transform(fb, levels, 1, localLevels);
            }

            AdditiveFft.MultiplyPointwise(fa, fb, size, parallelism);
            AdditiveFft.Inverse(fa, levels, parallelism, localLevels);
            NovelBasis.ToMonomial(fa, levels, parallelism, localLevels);
            Join(fa.AsSpan(0, (int)(aPieces + bPieces - 1)), result);
        }
        finally
        {
            pool.Return(fa);
            pool.Return(fb);
        }
    }

    private static void Transform(ulong[] f, int levels, int parallelism, int localLevels)
    {
        NovelBasis.FromMonomial(f, levels, parallelism, localLevels);
        AdditiveFft.Forward(f, levels, parallelism, localLevels);
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
