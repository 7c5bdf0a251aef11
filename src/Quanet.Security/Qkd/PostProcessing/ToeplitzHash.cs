namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// Privacy amplification by Toeplitz hashing, a two-universal family (Carter and Wegman; Krawczyk
/// 1994): y = T x with the m x n Toeplitz matrix T[i, j] = s[i - j + n - 1] defined by n + m - 1
/// public seed bits. T x is the slice [n - 1, n - 1 + m) of the GF(2) polynomial product s(z) x(z);
/// <see cref="Hash"/> computes only that slice, by the Karatsuba-style split for Toeplitz matrices
/// over a carry-less-multiply base case (<see cref="ToeplitzProduct"/>), or from
/// <see cref="FftThresholdBits"/> input bits on, where the split's n^1.58 cost overtakes it, as the slice
/// of the whole product computed by the additive FFT over GF(2^64) (<see cref="Gf2FftMultiplier"/>,
/// O(n log n)).
/// </summary>
public static class ToeplitzHash
{
    /// <summary>Seed bits needed to hash <paramref name="inputBits"/> bits to <paramref name="outputBits"/>.</summary>
    public static long SeedBits(int inputBits, int outputBits) => (long)inputBits + outputBits - 1;

    /// <summary>Hashes the first <paramref name="inputBits"/> bits of <paramref name="input"/> to <paramref name="outputBits"/> bits.</summary>
    /// <param name="input">The reconciled key, packed.</param>
    /// <param name="inputBits">Key length n.</param>
    /// <param name="seed">At least n + m - 1 public random bits, packed.</param>
    /// <param name="outputBits">Final key length m (at most n).</param>
    /// <param name="parallelism">Threads the FFT may use (from <see cref="FftThresholdBits"/> input bits on); the hash is the same for any value.</param>
    /// <returns>The final key, packed.</returns>
    /// <exception cref="ArgumentException">Lengths inconsistent.</exception>
    public static ulong[] Hash(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits, int parallelism = 1) =>
        inputBits >= FftThresholdBits
            ? HashByFft(input, inputBits, seed, outputBits, parallelism)
            : HashByToeplitzSplit(input, inputBits, seed, outputBits);

    /// <summary>Input length from which <see cref="Hash"/> uses the FFT (measured: bench/README.md, section qkd).</summary>
    internal const int FftThresholdBits = 1 << 16;

    /// <summary>The hash by the Toeplitz split alone (<see cref="ToeplitzProduct"/>), O(n^1.58).</summary>
    internal static ulong[] HashByToeplitzSplit(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits)
    {
        if (!Prepare(input, inputBits, seed, outputBits, out var x, out var s))
        {
            return [];
        }

        return ToeplitzProduct.Multiply(s, x, inputBits, outputBits);
    }

    /// <summary>The hash as the slice [n - 1, n - 1 + m) of the product s(z) x(z) by the additive FFT (<see cref="Gf2FftMultiplier"/>), O(n log n).</summary>
    internal static ulong[] HashByFft(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits, int parallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        if (!Prepare(input, inputBits, seed, outputBits, out var x, out var s))
        {
            return [];
        }

        var product = new ulong[x.Length + s.Length];
        Gf2FftMultiplier.Multiply(s, SeedBits(inputBits, outputBits), x, inputBits, product, parallelism);
        return BitString.Slice(product, inputBits - 1, outputBits);
    }

    /// <summary>
    /// The same hash as the slice of the whole polynomial product s(z) x(z) (Karatsuba over
    /// carry-less multiplication): the previous method, kept as a benchmark baseline.
    /// </summary>
    internal static ulong[] HashByFullProduct(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits)
    {
        if (!Prepare(input, inputBits, seed, outputBits, out var x, out var s))
        {
            return [];
        }

        var product = new ulong[x.Length + s.Length];
        Gf2Polynomial.Multiply(s, x, product);
        return BitString.Slice(product, inputBits - 1, outputBits);
    }

    /// <summary>
    /// The same hash computed row by row (each output bit the parity of a 64-bit-word AND of the
    /// key with a window of the seed): O(m n / 64), the baseline the fast method is measured against.
    /// </summary>
    public static ulong[] HashNaive(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits)
    {
        Check(input, inputBits, seed, outputBits);
        var n = inputBits;
        var m = outputBits;

        // row i holds s[i + n - 1 - j] at column j: a window of the reversed seed r[k] = s[n + m - 2 - k]
        var seedBits = SeedBits(n, m);
        var reversed = new ulong[BitString.Words(seedBits) + 1];
        for (long k = 0; k < seedBits; k++)
        {
            if (BitString.Get(seed, seedBits - 1 - k) != 0)
            {
                reversed[k >> 6] |= 1UL << (int)(k & 63);
            }
        }

        var x = input[..BitString.Words(n)].ToArray();
        BitString.ClearAbove(x, n);
        var output = new ulong[BitString.Words(m)];
        for (var i = 0; i < m; i++)
        {
            long start = m - 1 - i;
            var word = (int)(start >> 6);
            var shift = (int)(start & 63);
            ulong parity = 0;
            for (var w = 0; w < x.Length; w++)
            {
                var low = reversed[word + w] >> shift;
                var high = shift != 0 && word + w + 1 < reversed.Length ? reversed[word + w + 1] << (64 - shift) : 0;
                parity ^= (low | high) & x[w];
            }

            if ((ulong.PopCount(parity) & 1) != 0)
            {
                output[i >> 6] |= 1UL << (i & 63);
            }
        }

        return output;
    }

    /// <summary>Checks the lengths and copies key and seed, cleared above their bit lengths; false when m = 0.</summary>
    private static bool Prepare(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits, out ulong[] x, out ulong[] s)
    {
        Check(input, inputBits, seed, outputBits);
        x = input[..BitString.Words(inputBits)].ToArray();
        BitString.ClearAbove(x, inputBits);
        var seedBits = SeedBits(inputBits, outputBits);
        s = seed[..BitString.Words(seedBits)].ToArray();
        BitString.ClearAbove(s, seedBits);
        return outputBits > 0;
    }

    private static void Check(ReadOnlySpan<ulong> input, int inputBits, ReadOnlySpan<ulong> seed, int outputBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputBits);
        ArgumentOutOfRangeException.ThrowIfNegative(outputBits);
        if (outputBits > inputBits)
        {
            throw new ArgumentException($"output ({outputBits} bits) longer than input ({inputBits} bits)");
        }

        if (input.Length < BitString.Words(inputBits))
        {
            throw new ArgumentException($"input holds {input.Length * 64} bits, {inputBits} declared");
        }

        if ((long)seed.Length * 64 < SeedBits(inputBits, outputBits))
        {
            throw new ArgumentException($"seed holds {seed.Length * 64} bits, {SeedBits(inputBits, outputBits)} needed");
        }
    }
}
