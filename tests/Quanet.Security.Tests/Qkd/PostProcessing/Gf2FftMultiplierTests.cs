using CsCheck;
using Quanet.Security.Qkd.PostProcessing;
using Quanet.Security.Qkd.Simulation;

namespace Quanet.Security.Tests.Qkd.PostProcessing;

public sealed class Gf2FftMultiplierTests
{
    private static ulong[] RandomBits(long bits, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var words = new ulong[BitString.Words(bits)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = random.NextUInt64();
        }

        BitString.ClearAbove(words, bits);
        return words;
    }

    private static ulong[] Karatsuba(ulong[] a, ulong[] b, long bits)
    {
        var result = new ulong[a.Length + b.Length];
        Gf2Polynomial.Multiply(a, b, result);
        return result[..BitString.Words(bits)];
    }

    [Fact]
    public void Cantor_basis_elements_solve_the_artin_schreier_chain()
    {
        var basis = Gf264.CantorBasis;

        Assert.Equal(1UL, basis[0]);
        for (var i = 1; i < basis.Length; i++)
        {
            Assert.Equal(basis[i - 1], Gf264.Multiply(basis[i], basis[i]) ^ basis[i]);
        }
    }

    [Fact]
    public void Field_multiplication_reduces_by_the_pentanomial()
    {
        // z^63 z = z^64 = z^4 + z^3 + z + 1; (z^63)^2 = z^126 = z^62 (z^4 + z^3 + z + 1) reduced again
        Assert.Equal(0x1BUL, Gf264.Multiply(1UL << 63, 2));
        var square = Gf264.Multiply(1UL << 63, 1UL << 63);
        Assert.Equal(Gf264.Multiply(Gf264.Multiply(1UL << 62, 1UL << 32), 1UL << 32), square);
    }

    [Theory]
    [InlineData(10, 15, 1)]
    [InlineData(10, 4, 1)]
    [InlineData(11, 4, 2)]
    [InlineData(12, 3, 2)]
    public void Transforms_invert_each_other(int levels, int localLevels, int parallelism)
    {
        var f = RandomBits(64L << levels, (ulong)levels);
        var copy = (ulong[])f.Clone();

        NovelBasis.FromMonomial(f, levels, parallelism, localLevels);
        AdditiveFft.Forward(f, levels, parallelism, localLevels);
        AdditiveFft.Inverse(f, levels, parallelism, localLevels);
        NovelBasis.ToMonomial(f, levels, parallelism, localLevels);

        Assert.Equal(copy, f);
    }

    [Theory]
    [InlineData(15, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public void Transform_evaluates_the_polynomial_at_the_subspace_points(int localLevels, int parallelism)
    {
        // the definition: value l is f(sum over the set bits i of l of beta_(i+1)), by Horner's rule
        const int Levels = 8;
        var f = RandomBits(64 << Levels, 99);
        var basis = Gf264.CantorBasis;
        var expected = new ulong[1 << Levels];
        for (var l = 0; l < expected.Length; l++)
        {
            ulong point = 0;
            for (var i = 0; i < Levels; i++)
            {
                point ^= ((l >> i) & 1) != 0 ? basis[i] : 0; // basis[i] is beta_(i+1)
            }

            ulong value = 0;
            for (var k = f.Length - 1; k >= 0; k--)
            {
                value = Gf264.Multiply(value, point) ^ f[k];
            }

            expected[l] = value;
        }

        NovelBasis.FromMonomial(f, Levels, parallelism, localLevels);
        AdditiveFft.Forward(f, Levels, parallelism, localLevels);

        Assert.Equal(expected, f);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 2)]
    [InlineData(15, 2)]
    public void Product_is_the_same_for_any_chunk_size_and_thread_count(int localLevels, int parallelism)
    {
        foreach (var (aBits, bBits) in new[] { (4097, 1500), (40_000, 70_001), (300_001, 123_457) })
        {
            var a = RandomBits(aBits, (ulong)aBits);
            var b = RandomBits(bBits, (ulong)bBits + 1);
            var result = new ulong[BitString.Words(aBits + bBits)];

            Gf2FftMultiplier.Multiply(a, aBits, b, bBits, result, parallelism, localLevels);

            Assert.Equal(Karatsuba(a, b, aBits + bBits), result);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(31, 33)]
    [InlineData(64, 64)]
    [InlineData(1000, 999)]
    [InlineData(4097, 1500)]
    [InlineData(65_536, 65_536)]
    [InlineData(300_001, 123_457)]
    public void Product_equals_the_karatsuba_product(int aBits, int bBits)
    {
        var a = RandomBits(aBits, (ulong)aBits);
        var b = RandomBits(bBits, (ulong)bBits + 1);
        var result = new ulong[BitString.Words(aBits + bBits)];

        Gf2FftMultiplier.Multiply(a, aBits, b, bBits, result);

        Assert.Equal(Karatsuba(a, b, aBits + bBits), result);
    }

    [Fact]
    public void Product_equals_the_karatsuba_product_on_random_sizes()
    {
        Gen.Select(Gen.Int[1, 5000], Gen.Int[1, 5000], Gen.ULong).Sample((aBits, bBits, seed) =>
        {
            var a = RandomBits(aBits, seed);
            var b = RandomBits(bBits, ~seed);
            var result = new ulong[BitString.Words(aBits + bBits)];

            Gf2FftMultiplier.Multiply(a, aBits, b, bBits, result);

            return Karatsuba(a, b, aBits + bBits).AsSpan().SequenceEqual(result);
        }, iter: 200);
    }
}
