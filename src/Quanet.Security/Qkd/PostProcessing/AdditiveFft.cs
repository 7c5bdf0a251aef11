using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// The additive FFT over GF(2^64) of Lin, Chung and Han (FOCS 2014, "Novel polynomial basis and its
/// application to Reed-Solomon erasure codes") on the Cantor basis, as used for binary polynomials by
/// Chen, Cheng, Kuo, Li and Yang ("Faster multiplication for long binary polynomials", 2017). With the
/// Cantor basis the subspace polynomials s_i(x) = sum over j with (j AND i) = j of x^(2^j) have 0/1
/// coefficients and s_i(beta_(i+1)) = 1, so the change from the monomial basis to the novel basis
/// X_k = prod over the set bits i of k of s_i is XOR-only, and the butterfly twiddle of block b is the
/// span element sum over the set bits j of b of beta_(j+2).
/// </summary>
/// <remarks>
/// Points: index l evaluates at sum over the set bits i of l of beta_(i+1). All methods work in place on
/// 2^levels words.
/// </remarks>
internal static class AdditiveFft
{
    /// <summary>Monomial coefficients to novel-basis coefficients (divide by s_(m-1), recurse on both halves).</summary>
    public static void ToNovelBasis(Span<ulong> f, int levels)
    {
        for (var m = levels; m >= 1; m--)
        {
            var d = 1 << (m - 1);
            for (var start = 0; start < f.Length; start += 2 * d)
            {
                var block = f.Slice(start, 2 * d);
                Divide(block, m - 1, d, forward: true);
            }
        }
    }

    /// <summary>Novel-basis coefficients back to monomial coefficients (the steps of <see cref="ToNovelBasis"/> undone in reverse).</summary>
    public static void FromNovelBasis(Span<ulong> f, int levels)
    {
        for (var m = 1; m <= levels; m++)
        {
            var d = 1 << (m - 1);
            for (var start = 0; start < f.Length; start += 2 * d)
            {
                Divide(f.Slice(start, 2 * d), m - 1, d, forward: false);
            }
        }
    }

    /// <summary>Evaluates the novel-basis polynomial at the 2^levels points.</summary>
    public static void Forward(Span<ulong> f, int levels)
    {
        var twiddles = Twiddles(f.Length >> 1);
        for (var r = levels; r >= 1; r--)
        {
            var h = 1 << (r - 1);
            for (int b = 0, start = 0; start < f.Length; b++, start += 2 * h)
            {
                Butterflies(f.Slice(start, h), f.Slice(start + h, h), twiddles[b], forward: true);
            }
        }
    }

    /// <summary>The inverse of <see cref="Forward"/>: values at the points to novel-basis coefficients.</summary>
    public static void Inverse(Span<ulong> f, int levels)
    {
        var twiddles = Twiddles(f.Length >> 1);
        for (var r = 1; r <= levels; r++)
        {
            var h = 1 << (r - 1);
            for (int b = 0, start = 0; start < f.Length; b++, start += 2 * h)
            {
                Butterflies(f.Slice(start, h), f.Slice(start + h, h), twiddles[b], forward: false);
            }
        }
    }

    /// <summary>a[i] = a[i] b[i] in GF(2^64).</summary>
    public static void MultiplyPointwise(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        var i = 0;
        if (Pclmulqdq.V512.IsSupported && Avx512F.IsSupported)
        {
            for (; i + 8 <= a.Length; i += 8)
            {
                var x = Vector512.Create<ulong>(a.Slice(i, 8));
                var y = Vector512.Create(b.Slice(i, 8));
                Gf264.MultiplyPairsV512(x, y).CopyTo(a.Slice(i, 8));
            }
        }

        for (; i < a.Length; i++)
        {
            a[i] = Gf264.Multiply(a[i], b[i]);
        }
    }

    // twiddle of block b: s_(r-1) of the block's shift, the same for every level: sum over set bits j of b of beta_(j+2)
    private static ulong[] Twiddles(int blocks)
    {
        var basis = Gf264.CantorBasis;
        var t = new ulong[Math.Max(1, blocks)];
        for (var b = 1; b < t.Length; b++)
        {
            var low = System.Numerics.BitOperations.TrailingZeroCount(b);
            t[b] = t[b & (b - 1)] ^ basis[low + 1];
        }

        return t;
    }

    // forward: low[i] += c high[i]; high[i] += low[i]. Inverse: the two steps undone in reverse order.
    private static void Butterflies(Span<ulong> low, Span<ulong> high, ulong c, bool forward)
    {
        var i = 0;
        if (low.Length >= 8 && Pclmulqdq.V512.IsSupported && Avx512F.IsSupported)
        {
            var vc = Vector512.Create(c);
            for (; i + 8 <= low.Length; i += 8)
            {
                var l = Vector512.Create<ulong>(low.Slice(i, 8));
                var h = Vector512.Create<ulong>(high.Slice(i, 8));
                if (forward)
                {
                    if (c != 0)
                    {
                        l ^= Gf264.MultiplyV512(h, vc);
                    }

                    h ^= l;
                }
                else
                {
                    h ^= l;
                    if (c != 0)
                    {
                        l ^= Gf264.MultiplyV512(h, vc);
                    }
                }

                l.CopyTo(low.Slice(i, 8));
                h.CopyTo(high.Slice(i, 8));
            }
        }

        for (; i < low.Length; i++)
        {
            if (forward)
            {
                low[i] ^= c == 0 ? 0 : Gf264.Multiply(high[i], c);
                high[i] ^= low[i];
            }
            else
            {
                high[i] ^= low[i];
                low[i] ^= c == 0 ? 0 : Gf264.Multiply(high[i], c);
            }
        }
    }

    // block (2d words) = r + s_i q, s_i = x^d + sum over j subset of i, 2^j < d, of x^(2^j): the division
    // subtracts each source f[t] (t >= d, from the top) at t - d + 2^j; sources are taken in two halves of
    // d/2, as no term reaches from a half into itself. Undoing runs the halves the other way round.
    private static void Divide(Span<ulong> block, int i, int d, bool forward)
    {
        if (d < 2)
        {
            return;
        }

        var half = d / 2;
        for (var step = 0; step < 2; step++)
        {
            var chunk = forward ? 1 - step : step;
            var from = d + (chunk * half);
            var sources = block.Slice(from, half);
            for (var j = 0; (1 << j) < d; j++)
            {
                if ((j & i) == j)
                {
                    Gf2Polynomial.XorInto(block.Slice(from - d + (1 << j), half), sources);
                }
            }
        }
    }
}
