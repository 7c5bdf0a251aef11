using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// Toeplitz matrix-vector product over GF(2) by the two-way split for Toeplitz matrices (the
/// transposed Karatsuba, or "middle product", of Hanrot, Quercia and Zimmermann 2004; also Fan and
/// Hasan 2007): a q x q Toeplitz block matrix [[T1, T0], [T2, T1]] times (x0, x1) is
/// y0 = T1 (x0 + x1) + (T0 + T1) x1 and y1 = T1 (x0 + x1) + (T1 + T2) x0, three half-size products.
/// Only the m output bits are computed, where a full polynomial product would also compute the
/// n + m bits that are thrown away.
/// </summary>
/// <remarks>
/// A q-word block is described by a window w of 2q words with T[i, j] = w[i - j + 64 q] (bit
/// indices); for the whole hash T[i, j] = s[i - j + n - 1] this is the seed shifted by one bit, so
/// every split and every output falls on word boundaries. The rectangular m x n matrix is cut into
/// square tiles of q = b 2^k words (b at most <see cref="BaseWords"/>), whose windows are copied out
/// of the seed at any bit offset.
/// </remarks>
internal static class ToeplitzProduct
{
    private const int BaseWords = 32;

    /// <summary>y = T x with T[i, j] = s[i - j + n - 1], 0 &lt;= i &lt; m, 0 &lt;= j &lt; n.</summary>
    /// <param name="seed">The seed, zero above its n + m - 1 bits.</param>
    /// <param name="x">The input, zero above its n bits.</param>
    /// <param name="n">Input bits.</param>
    /// <param name="m">Output bits, 1 to n.</param>
    /// <returns>The m output bits, packed.</returns>
    public static ulong[] Multiply(ReadOnlySpan<ulong> seed, ReadOnlySpan<ulong> x, int n, int m)
    {
        var q = TileWords(BitString.Words(m));
        var tileBits = 64L * q;
        var rows = (int)((m + tileBits - 1) / tileBits);
        var columns = (int)((n + tileBits - 1) / tileBits);
        var y = new ulong[rows * q];
        var pool = ArrayPool<ulong>.Shared;
        var window = pool.Rent(2 * q);
        var part = pool.Rent(q);
        var product = pool.Rent(q);
        var scratch = pool.Rent((4 * q) + 64);
        try
        {
            for (var c = 0; c < columns; c++)
            {
                var xTile = part.AsSpan(0, q);
                xTile.Clear();
                var from = c * q;
                if (from < x.Length)
                {
                    var count = Math.Min(q, x.Length - from);
                    x.Slice(from, count).CopyTo(xTile);
                }

                for (var r = 0; r < rows; r++)
                {
                    // tile (r, c): T[rQ + i', cQ + j'] = s[i' - j' + (r - c) Q + n - 1] = w[i' - j' + Q]
                    var w = window.AsSpan(0, 2 * q);
                    CopyBits(seed, ((r - c - 1) * tileBits) + n - 1, w);
                    var p = product.AsSpan(0, q);
                    Multiply(w, xTile, p, scratch);
                    Gf2Polynomial.XorInto(y.AsSpan(r * q, q), p);
                }
            }
        }
        finally
        {
            pool.Return(window);
            pool.Return(part);
            pool.Return(product);
            pool.Return(scratch);
        }

        var result = y.AsSpan(0, BitString.Words(m)).ToArray();
        BitString.ClearAbove(result, m);
        return result;
    }

    /// <summary>Tile size in words: at least <paramref name="words"/>, of the form b 2^k with b &lt;= <see cref="BaseWords"/>.</summary>
    internal static int TileWords(int words)
    {
        var k = 0;
        while ((words + (1 << k) - 1) >> k > BaseWords)
        {
            k++;
        }

        var b = (words + (1 << k) - 1) >> k;
        return b << k;
    }

    /// <summary>y (q words, overwritten) = T x for the q x q block with window w (2q words).</summary>
    private static void Multiply(ReadOnlySpan<ulong> w, ReadOnlySpan<ulong> x, Span<ulong> y, Span<ulong> scratch)
    {
        var q = x.Length;
        if (q <= BaseWords || (q & 1) != 0)
        {
            Base(w, x, y, scratch);
            return;
        }

        var h = q / 2;
        var x0 = x[..h];
        var x1 = x[h..];
        var y0 = y[..h];
        var y1 = y[h..];
        var sumX = scratch[..h];
        var sumW = scratch.Slice(h, 2 * h);
        var p = scratch.Slice(3 * h, h);
        var rest = scratch[(4 * h)..];

        // P1 = T1 (x0 + x1), T1 has the window w[h, 3h)
        x0.CopyTo(sumX);
        Gf2Polynomial.XorInto(sumX, x1);
        Multiply(w.Slice(h, 2 * h), sumX, y0, rest);
        y0.CopyTo(y1);

        // y0 += (T0 + T1) x1, T0 has the window w[0, 2h)
        w[..(2 * h)].CopyTo(sumW);
        Gf2Polynomial.XorInto(sumW, w.Slice(h, 2 * h));
        Multiply(sumW, x1, p, rest);
        Gf2Polynomial.XorInto(y0, p);

        // y1 += (T1 + T2) x0, T2 has the window w[2h, 4h)
        w.Slice(h, 2 * h).CopyTo(sumW);
        Gf2Polynomial.XorInto(sumW, w.Slice(2 * h, 2 * h));
        Multiply(sumW, x0, p, rest);
        Gf2Polynomial.XorInto(y1, p);
    }

    /// <summary>
    /// Base case: y[k] is word b + k of the polynomial product w x. Term w[d] x[j] lands on product
    /// words d + j (low half) and d + j + 1 (high half); the words b - 1 - j .. 2b - 1 - j of w are
    /// the ones that reach words b .. 2b - 1, accumulated in acc, whose word t is product word b - 1 + t.
    /// </summary>
    private static void Base(ReadOnlySpan<ulong> w, ReadOnlySpan<ulong> x, Span<ulong> y, Span<ulong> scratch)
    {
        var b = x.Length;
        if (b <= BaseWords && Pclmulqdq.V512.IsSupported && Avx512F.IsSupported)
        {
            BaseV512(w, x, y);
            return;
        }

        var acc = scratch[..(b + 2)];
        acc.Clear();
        for (var j = 0; j < b; j++)
        {
            Gf2Polynomial.MultiplyAccumulate(x[j], w.Slice(b - 1 - j, b + 1), acc);
        }

        acc.Slice(1, b).CopyTo(y);
    }

    /// <summary>
    /// The base case with VPCLMULQDQ and the accumulator in registers: three to five 8-word vectors
    /// cover the b + 1 &lt;= 33 window words of each x[j]; even lanes (w[2k] x[j]) accumulate in e, odd
    /// lanes (w[2k + 1] x[j], one word higher) in o, and the two are aligned once at the end. The
    /// window is copied into a zero-padded stack buffer so the 40-word loads stay inside it; the
    /// extra words only reach accumulator words above b, which are dropped.
    /// </summary>
    private static unsafe void BaseV512(ReadOnlySpan<ulong> w, ReadOnlySpan<ulong> x, Span<ulong> y)
    {
        const int Padded = BaseWords + 48;
        var b = x.Length;
        var vectors = Math.Max(3, (b + 8) / 8); // words 0 .. b of the accumulator are needed
        Span<ulong> window = stackalloc ulong[Padded];
        Span<ulong> acc = stackalloc ulong[48];
        window.Clear();
        w[..(2 * b)].CopyTo(window);
        acc.Clear();
        var e0 = Vector512<ulong>.Zero;
        var e1 = e0;
        var e2 = e0;
        var e3 = e0;
        var e4 = e0;
        var o0 = e0;
        var o1 = e0;
        var o2 = e0;
        var o3 = e0;
        var o4 = e0;
        fixed (ulong* pw = window, px = x, pacc = acc)
        {
            for (var j = 0; j < b; j++)
            {
                var left = Vector512.Create(px[j]);
                var v = pw + (b - 1 - j);
                var v0 = Vector512.Load(v);
                var v1 = Vector512.Load(v + 8);
                var v2 = Vector512.Load(v + 16);
                e0 ^= Pclmulqdq.V512.CarrylessMultiply(left, v0, 0x00);
                o0 ^= Pclmulqdq.V512.CarrylessMultiply(left, v0, 0x10);
                e1 ^= Pclmulqdq.V512.CarrylessMultiply(left, v1, 0x00);
                o1 ^= Pclmulqdq.V512.CarrylessMultiply(left, v1, 0x10);
                e2 ^= Pclmulqdq.V512.CarrylessMultiply(left, v2, 0x00);
                o2 ^= Pclmulqdq.V512.CarrylessMultiply(left, v2, 0x10);
                if (vectors > 3)
                {
                    var v3 = Vector512.Load(v + 24);
                    e3 ^= Pclmulqdq.V512.CarrylessMultiply(left, v3, 0x00);
                    o3 ^= Pclmulqdq.V512.CarrylessMultiply(left, v3, 0x10);
                }

                if (vectors > 4)
                {
                    var v4 = Vector512.Load(v + 32);
                    e4 ^= Pclmulqdq.V512.CarrylessMultiply(left, v4, 0x00);
                    o4 ^= Pclmulqdq.V512.CarrylessMultiply(left, v4, 0x10);
                }
            }

            e0.Store(pacc);
            e1.Store(pacc + 8);
            e2.Store(pacc + 16);
            e3.Store(pacc + 24);
            e4.Store(pacc + 32);
            var shifted = pacc + 1;
            (Vector512.Load(shifted) ^ o0).Store(shifted);
            (Vector512.Load(shifted + 8) ^ o1).Store(shifted + 8);
            (Vector512.Load(shifted + 16) ^ o2).Store(shifted + 16);
            (Vector512.Load(shifted + 24) ^ o3).Store(shifted + 24);
            (Vector512.Load(shifted + 32) ^ o4).Store(shifted + 32);
        }

        acc.Slice(1, b).CopyTo(y);
    }

    /// <summary>target = the bits start .. start + 64 target.Length of source (zero outside source).</summary>
    private static void CopyBits(ReadOnlySpan<ulong> source, long start, Span<ulong> target)
    {
        var shift = (int)(start & 63);
        var word = start >> 6; // floor division, also for negative starts
        for (var i = 0; i < target.Length; i++, word++)
        {
            var low = word >= 0 && word < source.Length ? source[(int)word] : 0;
            if (shift == 0)
            {
                target[i] = low;
                continue;
            }

            var high = word + 1 >= 0 && word + 1 < source.Length ? source[(int)word + 1] : 0;
            target[i] = (low >> shift) | (high << (64 - shift));
        }
    }
}
