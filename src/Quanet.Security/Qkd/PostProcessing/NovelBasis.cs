using System.Runtime.CompilerServices;

namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// The change between the monomial basis and the novel polynomial basis X_k = prod over the set bits i
/// of k of s_i (Lin, Chung and Han, FOCS 2014) on the Cantor basis, where the subspace polynomials
/// s_i(x) = sum over j with (j AND i) = j of x^(2^j) have 0/1 coefficients, so the change is XOR-only:
/// level m divides every block of 2^m coefficients by s_(m-1) (quotient in the upper half, remainder
/// in the lower), from the top level down.
/// </summary>
/// <remarks>
/// Levels whose blocks fit in a chunk of 2^localLevels words run chunk by chunk (the chunk stays in the
/// core's cache); the levels above cut each step's targets into pieces that take every shift of the
/// divisor at once. The three lowest levels run as a fixed list of word additions per 16 words.
/// Chunks and pieces are independent and may run on <c>parallelism</c> threads; the result is the same.
/// </remarks>
internal static class NovelBasis
{
    private const int Piece = 4096;

    private static readonly Lazy<byte[]> SixteenWordSteps = new(ComputeSixteenWordSteps);

    /// <summary>Monomial coefficients to novel-basis coefficients, in place on the first 2^levels words.</summary>
    public static void FromMonomial(ulong[] f, int levels, int parallelism, int localLevels)
    {
        for (var m = levels; m > localLevels; m--)
        {
            DivideLevel(f, levels, m, forward: true, parallelism);
        }

        var local = Math.Min(levels, localLevels);
        ParallelBlocks.For(1 << (levels - local), parallelism, c =>
        {
            var chunk = f.AsSpan(c << local, 1 << local);
            var lowest = Math.Min(local, 4);
            for (var m = local; m > lowest; m--)
            {
                DivideBlocks(chunk, m, forward: true);
            }

            DivideLowest(chunk, lowest, forward: true);
        });
    }

    /// <summary>Novel-basis coefficients back to monomial coefficients (<see cref="FromMonomial"/> undone step by step in reverse).</summary>
    public static void ToMonomial(ulong[] f, int levels, int parallelism, int localLevels)
    {
        var local = Math.Min(levels, localLevels);
        ParallelBlocks.For(1 << (levels - local), parallelism, c =>
        {
            var chunk = f.AsSpan(c << local, 1 << local);
            var lowest = Math.Min(local, 4);
            DivideLowest(chunk, lowest, forward: false);
            for (var m = lowest + 1; m <= local; m++)
            {
                DivideBlocks(chunk, m, forward: false);
            }
        });

        for (var m = local + 1; m <= levels; m++)
        {
            DivideLevel(f, levels, m, forward: false, parallelism);
        }
    }

    // block (2d words, d = 2^i) = r + s_i q, s_i = x^d + sum over j subset of i, 2^j < d, of x^(2^j): the
    // division subtracts each source f[t] (t >= d, from the top) at t - d + 2^j; sources are taken in two
    // halves of d/2, as no term reaches from a half into itself. Undoing runs the halves the other way round.
    private static void DivideBlocks(Span<ulong> chunk, int m, bool forward)
    {
        var i = m - 1;
        var d = 1 << i;
        if (d < 2)
        {
            return;
        }

        var half = d / 2;
        for (var start = 0; start < chunk.Length; start += 2 * d)
        {
            var block = chunk.Slice(start, 2 * d);
            for (var step = 0; step < 2; step++)
            {
                var from = d + ((forward ? 1 - step : step) * half);
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

    // one level with blocks larger than a chunk; a step's targets never include its sources, so its
    // pieces are independent
    private static void DivideLevel(ulong[] f, int levels, int m, bool forward, int parallelism)
    {
        var i = m - 1;
        var d = 1 << i;
        var half = d / 2;
        var top = 0;
        for (var j = 0; (1 << j) < d; j++)
        {
            top = (j & i) == j ? j : top;
        }

        var pieces = (half + (1 << top) - 1 + Piece - 1) / Piece; // targets: [from - d + 1, from - d + 2^top + half)
        for (var step = 0; step < 2; step++)
        {
            var upper = forward ? 1 - step : step;
            ParallelBlocks.For((1 << (levels - m)) * pieces, parallelism, item =>
            {
                var from = ((long)(item / pieces) << m) + d + (upper * half);
                var low = from - d + 1 + ((long)(item % pieces) * Piece);
                var high = Math.Min(low + Piece, from - d + (1 << top) + half);
                for (var j = 0; (1 << j) < d; j++)
                {
                    var start = Math.Max(low, from - d + (1 << j));
                    var end = Math.Min(high, from - d + (1 << j) + half);
                    if ((j & i) == j && end > start)
                    {
                        Gf2Polynomial.XorInto(f.AsSpan((int)start, (int)(end - start)), f.AsSpan((int)(start + d - (1 << j)), (int)(end - start)));
                    }
                }
            });
        }
    }

    // levels lowest .. 2 of every group of 2^lowest words; for 16-word groups the additions are a fixed list
    private static void DivideLowest(Span<ulong> chunk, int lowest, bool forward)
    {
        if (lowest < 4)
        {
            for (var k = 0; k < lowest - 1; k++)
            {
                DivideBlocks(chunk, forward ? lowest - k : 2 + k, forward);
            }

            return;
        }

        var steps = SixteenWordSteps.Value;
        for (var g = 0; g < chunk.Length; g += 16)
        {
            ref var w = ref chunk[g];
            if (forward)
            {
                for (var k = 0; k < steps.Length; k += 2)
                {
                    Unsafe.Add(ref w, steps[k]) ^= Unsafe.Add(ref w, steps[k + 1]);
                }
            }
            else
            {
                for (var k = steps.Length - 2; k >= 0; k -= 2)
                {
                    Unsafe.Add(ref w, steps[k]) ^= Unsafe.Add(ref w, steps[k + 1]);
                }
            }
        }
    }

    // (target, source) word pairs of levels 4, 3, 2 in a 16-word group, in the order of the division:
    // each source word, from the top down, is added at its shifts
    private static byte[] ComputeSixteenWordSteps()
    {
        var steps = new List<byte>();
        for (var i = 3; i >= 1; i--)
        {
            var d = 1 << i;
            for (var start = 0; start < 16; start += 2 * d)
            {
                for (var p = start + (2 * d) - 1; p >= start + d; p--)
                {
                    for (var j = 0; (1 << j) < d; j++)
                    {
                        if ((j & i) == j)
                        {
                            steps.Add((byte)(p - d + (1 << j)));
                            steps.Add((byte)p);
                        }
                    }
                }
            }
        }

        return [.. steps];
    }
}
