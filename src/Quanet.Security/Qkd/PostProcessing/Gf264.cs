using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// The field GF(2^64) = GF(2)[z] / (z^64 + z^4 + z^3 + z + 1), elements as 64-bit words (bit i the
/// coefficient of z^i), and its Cantor basis beta_1 = 1, beta_(i+1)^2 + beta_(i+1) = beta_i (Cantor 1989),
/// on which the additive FFT of <see cref="AdditiveFft"/> is built.
/// </summary>
internal static class Gf264
{
    /// <summary>Length of the Cantor basis computed (enough for transforms of 2^40 points).</summary>
    public const int BasisLength = 41;

    private static readonly Lazy<ulong[]> Basis = new(ComputeCantorBasis);

    /// <summary>beta_1 .. beta_41 (index 0 is beta_1 = 1).</summary>
    public static ReadOnlySpan<ulong> CantorBasis => Basis.Value;

    /// <summary>a b in GF(2^64).</summary>
    public static ulong Multiply(ulong a, ulong b)
    {
        ulong low, high;
        if (Pclmulqdq.IsSupported)
        {
            var p = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(a), Vector128.CreateScalar(b), 0);
            low = p.GetElement(0);
            high = p.GetElement(1);
        }
        else
        {
            (low, high) = Gf2Polynomial.SoftwareMultiply(a, b);
        }

        return Reduce(low, high);
    }

    /// <summary>low + z^64 high reduced modulo z^64 + z^4 + z^3 + z + 1.</summary>
    public static ulong Reduce(ulong low, ulong high)
    {
        // z^64 = z^4 + z^3 + z + 1; what the shifts push past bit 63 is folded once more (at most 4 bits)
        var over = (high >> 60) ^ (high >> 61) ^ (high >> 63);
        low ^= high ^ (high << 1) ^ (high << 3) ^ (high << 4);
        return low ^ over ^ (over << 1) ^ (over << 3) ^ (over << 4);
    }

    /// <summary>Reduce for four (low, high) pairs at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Reduce(Vector256<ulong> low, Vector256<ulong> high)
    {
        var over = (high >>> 60) ^ (high >>> 61) ^ (high >>> 63);
        low ^= high ^ (high << 1) ^ (high << 3) ^ (high << 4);
        return low ^ over ^ (over << 1) ^ (over << 3) ^ (over << 4);
    }

    /// <summary>The four products x[i] y[i] (VPCLMULQDQ on 256 bits; callers check <see cref="HasVectorMultiply"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> MultiplyPairsV256(Vector256<ulong> x, Vector256<ulong> y)
    {
        var even = Pclmulqdq.V256.CarrylessMultiply(x, y, 0x00);
        var odd = Pclmulqdq.V256.CarrylessMultiply(x, y, 0x11);
        return Reduce(Avx2.UnpackLow(even, odd), Avx2.UnpackHigh(even, odd));
    }

    /// <summary>Whether <see cref="MultiplyPairsV256"/> runs here (VPCLMULQDQ and AVX2).</summary>
    public static bool HasVectorMultiply => Pclmulqdq.V256.IsSupported && Avx2.IsSupported;

    private static ulong[] ComputeCantorBasis()
    {
        // y -> y^2 + y is GF(2)-linear with kernel {0, 1}; each beta_(i+1) solves it for beta_i
        var columns = new ulong[64];
        for (var j = 0; j < 64; j++)
        {
            var e = 1UL << j;
            columns[j] = Multiply(e, e) ^ e;
        }

        var basis = new ulong[BasisLength];
        basis[0] = 1;
        for (var i = 1; i < BasisLength; i++)
        {
            var y = Solve(columns, basis[i - 1]);
            if ((Multiply(y, y) ^ y) != basis[i - 1])
            {
                throw new InvalidOperationException($"no Cantor basis element {i + 1} in GF(2^64)");
            }

            basis[i] = y;
        }

        return basis;
    }

    // Gaussian elimination over GF(2): sum_j y_j columns[j] = target, free variables 0
    private static ulong Solve(ulong[] columns, ulong target)
    {
        // rows: for output bit i, the mask of columns j with bit i set, and the target bit
        var rows = new ulong[64];
        var rhs = new ulong[64];
        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                rows[i] |= ((columns[j] >> i) & 1) << j;
            }

            rhs[i] = (target >> i) & 1;
        }

        var pivotOf = new int[64];
        Array.Fill(pivotOf, -1);
        var rank = 0;
        for (var j = 0; j < 64 && rank < 64; j++)
        {
            var pivot = -1;
            for (var i = rank; i < 64; i++)
            {
                if (((rows[i] >> j) & 1) != 0)
                {
                    pivot = i;
                    break;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            (rhs[rank], rhs[pivot]) = (rhs[pivot], rhs[rank]);
            for (var i = 0; i < 64; i++)
            {
                if (i != rank && ((rows[i] >> j) & 1) != 0)
                {
                    rows[i] ^= rows[rank];
                    rhs[i] ^= rhs[rank];
                }
            }

            pivotOf[rank] = j;
            rank++;
        }

        ulong y = 0;
        for (var r = 0; r < rank; r++)
        {
            y |= rhs[r] << pivotOf[r];
        }

        return y;
    }
}
