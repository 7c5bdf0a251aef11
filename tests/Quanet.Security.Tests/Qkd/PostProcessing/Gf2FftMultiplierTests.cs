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

    [Fact]
    public void Transforms_invert_each_other()
    {
        var f = RandomBits(64 * 1024, 7);
        var copy = (ulong[])f.Clone();

        AdditiveFft.ToNovelBasis(f, 10);
        AdditiveFft.Forward(f, 10);
        AdditiveFft.Inverse(f, 10);
        AdditiveFft.FromNovelBasis(f, 10);

        Assert.Equal(copy, f);
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
