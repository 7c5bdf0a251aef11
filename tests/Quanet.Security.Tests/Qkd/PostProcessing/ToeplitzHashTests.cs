using CsCheck;
using Quanet.Security.Qkd.PostProcessing;
using Quanet.Security.Qkd.Simulation;

namespace Quanet.Security.Tests.Qkd.PostProcessing;

public sealed class ToeplitzHashTests
{
    private static ulong[] RandomWords(int words, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var result = new ulong[words];
        for (var i = 0; i < words; i++)
        {
            result[i] = random.NextUInt64();
        }

        return result;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 64)]
    [InlineData(100, 37)]
    [InlineData(1000, 999)]
    [InlineData(4097, 1500)]
    [InlineData(40_000, 12_345)]
    [InlineData(1 << 16, 1 << 15)]
    public void Fast_hash_equals_the_row_by_row_definition(int n, int m)
    {
        var input = RandomWords(BitString.Words(n) + 1, (ulong)n);
        var seed = RandomWords(BitString.Words(ToeplitzHash.SeedBits(n, m)) + 1, (ulong)m);

        var fast = ToeplitzHash.Hash(input, n, seed, m);
        var naive = ToeplitzHash.HashNaive(input, n, seed, m);

        Assert.Equal(naive, fast);
        Assert.Equal(naive, ToeplitzHash.HashByFullProduct(input, n, seed, m));
        Assert.Equal(naive, ToeplitzHash.HashByFft(input, n, seed, m));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(8192)]
    [InlineData(12_289)]
    public void Tiles_are_at_least_as_long_as_asked_and_halve_down_to_the_base_case(int words)
    {
        var q = ToeplitzProduct.TileWords(words);

        Assert.InRange(q, words, words + (words / 16) + 1);
        while (q > 32)
        {
            Assert.Equal(0, q % 2);
            q /= 2;
        }
    }

    [Theory]
    [InlineData(2_000_000, 1_000_000)]
    [InlineData(1 << 20, 1 << 19)]
    [InlineData(300_000, 299_999)]
    [InlineData(300_000, 70)]
    public void Large_hashes_agree_with_the_full_polynomial_product(int n, int m)
    {
        var input = RandomWords(BitString.Words(n), (ulong)n + 7);
        var seed = RandomWords(BitString.Words(ToeplitzHash.SeedBits(n, m)), (ulong)m + 9);

        var full = ToeplitzHash.HashByFullProduct(input, n, seed, m);
        Assert.Equal(full, ToeplitzHash.Hash(input, n, seed, m));
        Assert.Equal(full, ToeplitzHash.HashByToeplitzSplit(input, n, seed, m));
        Assert.Equal(full, ToeplitzHash.HashByFft(input, n, seed, m));
    }

    [Theory]
    [InlineData(ToeplitzHash.FftThresholdBits, ToeplitzHash.FftThresholdBits / 2)]
    [InlineData(ToeplitzHash.FftThresholdBits + 12_345, 7_777)]
    [InlineData(5_000_011, 5_000_011)]
    public void Above_the_threshold_the_fft_hash_equals_the_toeplitz_split(int n, int m)
    {
        var input = RandomWords(BitString.Words(n), (ulong)n + 3);
        var seed = RandomWords(BitString.Words(ToeplitzHash.SeedBits(n, m)), (ulong)m + 5);

        var split = ToeplitzHash.HashByToeplitzSplit(input, n, seed, m);
        Assert.Equal(split, ToeplitzHash.Hash(input, n, seed, m));
        Assert.Equal(split, ToeplitzHash.Hash(input, n, seed, m, parallelism: 2));
    }

    [Fact]
    public void Fft_hash_equals_the_row_by_row_definition_on_random_sizes()
    {
        Gen.Select(Gen.Int[1, 12_000], Gen.Double[0, 1], Gen.ULong).Sample((n, fraction, seedValue) =>
        {
            var m = Math.Max(1, (int)(n * fraction));
            var input = RandomWords(BitString.Words(n) + 1, seedValue);
            var seed = RandomWords(BitString.Words(ToeplitzHash.SeedBits(n, m)) + 1, ~seedValue);

            return ToeplitzHash.HashByFft(input, n, seed, m).AsSpan().SequenceEqual(ToeplitzHash.HashNaive(input, n, seed, m));
        }, iter: 100);
    }

    [Fact]
    public void Matches_the_matrix_definition_bit_by_bit()
    {
        // T[i, j] = s[i - j + n - 1], y = T x, computed literally
        const int n = 70, m = 20;
        var input = RandomWords(2, 11);
        var seed = RandomWords(2, 12);
        var expected = new int[m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                expected[i] ^= BitString.Get(seed, i - j + n - 1) & BitString.Get(input, j);
            }
        }

        var hash = ToeplitzHash.Hash(input, n, seed, m);

        Assert.Equal(expected, Enumerable.Range(0, m).Select(i => BitString.Get(hash, i)).ToArray());
    }

    [Fact]
    public void Hash_is_linear_over_GF2()
    {
        const int n = 5000, m = 2000;
        var a = RandomWords(BitString.Words(n), 1);
        var b = RandomWords(BitString.Words(n), 2);
        var seed = RandomWords(BitString.Words(ToeplitzHash.SeedBits(n, m)), 3);
        var sum = a.Zip(b, (x, y) => x ^ y).ToArray();

        var hashA = ToeplitzHash.Hash(a, n, seed, m);
        var hashB = ToeplitzHash.Hash(b, n, seed, m);

        Assert.Equal(hashA.Zip(hashB, (x, y) => x ^ y).ToArray(), ToeplitzHash.Hash(sum, n, seed, m));
    }

    [Fact]
    public void Portable_carry_less_multiply_agrees_with_known_products()
    {
        Assert.Equal((0b1111UL, 0UL), Gf2Polynomial.SoftwareMultiply(0b11, 0b101));
        Assert.Equal((0UL, 1UL), Gf2Polynomial.SoftwareMultiply(1UL << 63, 2));
    }

    [Fact]
    public void Rejects_an_output_longer_than_the_input()
    {
        var ex = Assert.Throws<ArgumentException>(() => ToeplitzHash.Hash(new ulong[1], 10, new ulong[1], 11));
        Assert.Equal("output (11 bits) longer than input (10 bits)", ex.Message);
    }
}
