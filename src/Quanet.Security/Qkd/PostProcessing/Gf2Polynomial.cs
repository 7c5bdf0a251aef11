using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// Multiplication of polynomials over GF(2) stored as little-endian 64-bit words (bit i of word w
/// is the coefficient of z^(64w + i)): Karatsuba recursion over a carry-less-multiply base case
/// (PCLMULQDQ when the processor has it, a portable shift-and-xor loop otherwise).
/// </summary>
internal static class Gf2Polynomial
{
    private const int SchoolbookWords = 32;

    /// <summary>result = a * b; <paramref name="result"/> must hold a.Length + b.Length words.</summary>
    public static void Multiply(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        if (result.Length < a.Length + b.Length)
        {
            throw new ArgumentException("result too short for the product", nameof(result));
        }

        result.Clear();
        if (a.Length == 0 || b.Length == 0)
        {
            return;
        }

        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        // cut the longer factor into pieces as long as the shorter and multiply each with Karatsuba;
        // a shorter last piece is multiplied by recursion (the shorter factor cut to its length)
        // instead of being padded with zeros
        var n = b.Length;
        var full = a.Length / n * n;
        if (full > 0)
        {
            var scratch = ArrayPool<ulong>.Shared.Rent((12 * n) + 64);
            var product = ArrayPool<ulong>.Shared.Rent(2 * n);
            try
            {
                for (var offset = 0; offset < full; offset += n)
                {
                    var p = product.AsSpan(0, 2 * n);
                    MultiplyEqual(a.Slice(offset, n), b, p, scratch);
                    XorInto(result.Slice(offset, 2 * n), p);
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(scratch);
                ArrayPool<ulong>.Shared.Return(product);
            }
        }

        var rest = a.Length - full;
        if (rest > 0)
        {
            var partial = ArrayPool<ulong>.Shared.Rent(rest + n);
            try
            {
                var p = partial.AsSpan(0, rest + n);
                Multiply(b, a[full..], p);
                XorInto(result.Slice(full, rest + n), p);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(partial);
            }
        }
    }

    /// <summary>result (2n words, overwritten) = a * b for two n-word factors.</summary>
    private static void MultiplyEqual(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result, Span<ulong> scratch)
    {
        var n = a.Length;
        if (n <= SchoolbookWords)
        {
            Schoolbook(a, b, result);
            return;
        }

        var h = n / 2;
        var l = n - h;
        var a0 = a[..h];
        var a1 = a[h..];
        var b0 = b[..h];
        var b1 = b[h..];

        // z0 = a0 b0 in result[0, 2h), z2 = a1 b1 in result[2h, 2n)
        MultiplyEqual(a0, b0, result[..(2 * h)], scratch);
        MultiplyEqual(a1, b1, result[(2 * h)..], scratch);

        var sumA = scratch[..l];
        var sumB = scratch.Slice(l, l);
        var middle = scratch.Slice(2 * l, 2 * l);
        var rest = scratch[(4 * l)..];
        a1.CopyTo(sumA);
        XorInto(sumA, a0);
        b1.CopyTo(sumB);
        XorInto(sumB, b0);
        MultiplyEqual(sumA, sumB, middle, rest);

        // middle = (a0 + a1)(b0 + b1) + z0 + z2, added at word offset h
        XorInto(middle[..(2 * h)], result[..(2 * h)]);
        XorInto(middle, result.Slice(2 * h, 2 * l));
        XorInto(result.Slice(h, 2 * l), middle);
    }

    private static void Schoolbook(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        result[..(a.Length + b.Length)].Clear();
        for (var i = 0; i < a.Length; i++)
        {
            MultiplyAccumulate(a[i], b, result.Slice(i, b.Length + 1));
        }
    }

    /// <summary>
    /// acc[t] ^= low(a v[t]), acc[t + 1] ^= high(a v[t]) for every t (acc holds v.Length + 1 words): VPCLMULQDQ
    /// (four 64 x 64 products per instruction) where available, else PCLMULQDQ, else the portable loop.
    /// </summary>
    internal static unsafe void MultiplyAccumulate(ulong a, ReadOnlySpan<ulong> v, Span<ulong> acc)
    {
        var length = v.Length;
        var t = 0;
        fixed (ulong* pv = v, pacc = acc)
        {
            if (Pclmulqdq.V512.IsSupported && Avx512F.IsSupported && length >= 8)
            {
                // lane k of clmul(a, v[t..t+8], 0x00) is a v[t+2k] = acc words t+2k, t+2k+1; the odd
                // products a v[t+2k+1] are one word higher and are realigned with valignq
                var left = Vector512.Create(a);
                var previous = Vector512<ulong>.Zero;
                for (; t + 8 <= length; t += 8)
                {
                    var right = Vector512.Load(pv + t);
                    var even = Pclmulqdq.V512.CarrylessMultiply(left, right, 0x00);
                    var odd = Pclmulqdq.V512.CarrylessMultiply(left, right, 0x10);
                    var sum = even ^ Avx512F.AlignRight64(odd, previous, 7);
                    (Vector512.Load(pacc + t) ^ sum).Store(pacc + t);
                    previous = odd;
                }

                pacc[t] ^= previous.GetElement(7);
            }

            if (Pclmulqdq.IsSupported)
            {
                var left = Vector128.CreateScalarUnsafe(a);
                for (; t < length; t++)
                {
                    var p = Pclmulqdq.CarrylessMultiply(left, Vector128.CreateScalarUnsafe(pv[t]), 0x00);
                    pacc[t] ^= p.ToScalar();
                    pacc[t + 1] ^= p.GetElement(1);
                }

                return;
            }

            for (; t < length; t++)
            {
                var (low, high) = SoftwareMultiply(a, pv[t]);
                pacc[t] ^= low;
                pacc[t + 1] ^= high;
            }
        }
    }

    /// <summary>Portable 64 x 64 -> 128-bit carry-less product.</summary>
    internal static (ulong Low, ulong High) SoftwareMultiply(ulong x, ulong y)
    {
        ulong low = 0, high = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (((y >> bit) & 1) != 0)
            {
                low ^= x << bit;
                if (bit > 0)
                {
                    high ^= x >> (64 - bit);
                }
            }
        }

        return (low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void XorInto(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target.Length, source.Length);
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var n = (nuint)source.Length;
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= n; i += 4)
            {
                (Vector256.LoadUnsafe(ref t, i) ^ Vector256.LoadUnsafe(ref s, i)).StoreUnsafe(ref t, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref t, i) ^= Unsafe.Add(ref s, i);
        }
    }
}
