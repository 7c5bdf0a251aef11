using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// The additive FFT over GF(2^64) of Lin, Chung and Han (FOCS 2014, "Novel polynomial basis and its
/// application to Reed-Solomon erasure codes") on the Cantor basis, as used for binary polynomials by
/// Chen, Cheng, Kuo, Li and Yang ("Faster multiplication for long binary polynomials", 2017): with the
/// coefficients in the novel basis (<see cref="NovelBasis"/>), level r of the transform runs butterflies
/// low += c high, high += low over the halves of every block of 2^r words, where the twiddle c of block
/// b is the span element sum over the set bits j of b of beta_(j+2), the same table for every level.
/// </summary>
/// <remarks>
/// Points: index l evaluates at sum over the set bits i of l of beta_(i+1). All methods work in place on
/// the first 2^levels words. Levels whose blocks fit in a chunk of 2^localLevels words (default 2^15, 256
/// KiB, inside a core's L2 cache) run chunk by chunk; the levels above run two at a time (one pass over
/// memory for two levels). Butterflies use VPCLMULQDQ on four words at once where the processor has it
/// (<see cref="Gf264.HasVectorMultiply"/>), else one word at a time; chunks and blocks run on up to
/// <c>parallelism</c> threads. Every path gives the same result.
/// </remarks>
internal static partial class AdditiveFft
{
    /// <summary>Default levels run inside one chunk (2^15 words, 256 KiB).</summary>
    public const int DefaultLocalLevels = 15;

    private const int Piece = 4096;

    /// <summary>Evaluates the novel-basis polynomial at the 2^levels points.</summary>
    public static void Forward(ulong[] f, int levels, int parallelism = 1, int localLevels = DefaultLocalLevels)
    {
        var r = levels;
        for (; r > localLevels + 1; r -= 2)
        {
            TwoLevels(f, levels, r, forward: true, parallelism);
        }

        if (r > localLevels)
        {
            OneLevel(f, levels, r, forward: true, parallelism);
            r--;
        }

        var local = r;
        ParallelBlocks.For(1 << (levels - local), parallelism, c => ForwardChunk(f, (long)c << local, local));
    }

    /// <summary>The inverse of <see cref="Forward"/>: values at the points to novel-basis coefficients.</summary>
    public static void Inverse(ulong[] f, int levels, int parallelism = 1, int localLevels = DefaultLocalLevels)
    {
        var local = Math.Min(levels, localLevels);
        ParallelBlocks.For(1 << (levels - local), parallelism, c => InverseChunk(f, (long)c << local, local));
        var r = local + 1;
        if (((levels - local) & 1) == 1)
        {
            OneLevel(f, levels, r, forward: false, parallelism);
            r++;
        }

        for (; r < levels; r += 2)
        {
            TwoLevels(f, levels, r + 1, forward: false, parallelism);
        }
    }

    /// <summary>a[i] = a[i] b[i] in GF(2^64) for i &lt; count.</summary>
    public static void MultiplyPointwise(ulong[] a, ulong[] b, int count, int parallelism = 1)
    {
        const int Span = 64 * Piece;
        ParallelBlocks.For((count + Span - 1) / Span, parallelism, p =>
        {
            var i = p * Span;
            var end = Math.Min(count, i + Span);
            if (Gf264.HasVectorMultiply)
            {
                ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
                ref var rb = ref MemoryMarshal.GetArrayDataReference(b);
                for (; i + 4 <= end; i += 4)
                {
                    Gf264.MultiplyPairsV256(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i)).StoreUnsafe(ref ra, (nuint)i);
                }
            }

            for (; i < end; i++)
            {
                a[i] = Gf264.Multiply(a[i], b[i]);
            }
        });
    }

    /// <summary>The twiddle of block <paramref name="block"/>: sum over its set bits j of beta_(j+2).</summary>
    internal static ulong Twiddle(long block)
    {
        var basis = Gf264.CantorBasis;
        ulong t = 0;
        for (; block != 0; block &= block - 1)
        {
            t ^= basis[System.Numerics.BitOperations.TrailingZeroCount(block) + 1];
        }

        return t;
    }

    // levels local .. 1 of the chunk at offset; a block's twiddle is the chunk's (its bits are above the
    // local block index) plus the local one
    private static void ForwardChunk(ulong[] f, long offset, int local)
    {
        var lowest = local >= 3 && Gf264.HasVectorMultiply ? 3 : 1;
        for (var r = local; r >= lowest; r--)
        {
            RunLevel(f, offset, local, r, forward: true);
        }

        if (lowest == 3)
        {
            LowestLevelsOfChunk(f, offset, local, forward: true);
        }
    }

    private static void InverseChunk(ulong[] f, long offset, int local)
    {
        var lowest = local >= 3 && Gf264.HasVectorMultiply ? 3 : 1;
        if (lowest == 3)
        {
            LowestLevelsOfChunk(f, offset, local, forward: false);
        }

        for (var r = lowest; r <= local; r++)
        {
            RunLevel(f, offset, local, r, forward: false);
        }
    }

    private static void RunLevel(ulong[] f, long offset, int local, int r, bool forward)
    {
        var h = 1 << (r - 1);
        var chunkTwiddle = Twiddle(offset >> r);
        var table = LocalTwiddles(local - r);
        for (int b = 0, start = 0; start < 1 << local; b++, start += 2 * h)
        {
            Butterflies(f, offset + start, h, h, chunkTwiddle ^ table[b], forward);
        }
    }

    // one level above the chunks: blocks cut into pieces of Piece pairs
    private static void OneLevel(ulong[] f, int levels, int r, bool forward, int parallelism)
    {
        var h = 1 << (r - 1);
        var pieces = Math.Max(1, h / Piece);
        var width = h / pieces;
        ParallelBlocks.For((1 << (levels - r)) * pieces, parallelism, item =>
        {
            var block = item / pieces;
            Butterflies(f, ((long)block << r) + ((long)(item % pieces) * width), h, width, Twiddle(block), forward);
        });
    }

    // levels r and r - 1 in one pass: block b at level r has the sub-blocks 2b and 2b + 1 at level r - 1
    private static void TwoLevels(ulong[] f, int levels, int r, bool forward, int parallelism)
    {
        if (!Gf264.HasVectorMultiply)
        {
            OneLevel(f, levels, forward ? r : r - 1, forward, parallelism);
            OneLevel(f, levels, forward ? r - 1 : r, forward, parallelism);
            return;
        }

        var quarter = 1 << (r - 2);
        var pieces = Math.Max(1, quarter / Piece);
        var width = quarter / pieces;
        ParallelBlocks.For((1 << (levels - r)) * pieces, parallelism, item =>
        {
            var block = (long)(item / pieces);
            var start = (block << r) + ((long)(item % pieces) * width);
            FourWayButterflies(f, start, quarter, width, Twiddle(block), Twiddle(2 * block), Twiddle((2 * block) + 1), forward);
        });
    }

    private static readonly ulong[][] LocalTwiddleTables = new ulong[31][];

    // twiddles of the first 2^bits blocks (cached per size; the tables are prefixes of one another)
    private static ulong[] LocalTwiddles(int bits)
    {
        var table = Volatile.Read(ref LocalTwiddleTables[bits]);
        if (table is not null)
        {
            return table;
        }

        table = new ulong[1 << bits];
        var basis = Gf264.CantorBasis;
        for (var b = 1; b < table.Length; b++)
        {
            table[b] = table[b & (b - 1)] ^ basis[System.Numerics.BitOperations.TrailingZeroCount(b) + 1];
        }

        Volatile.Write(ref LocalTwiddleTables[bits], table);
        return table;
    }
}
