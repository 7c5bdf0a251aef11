using Quanet.Security.Qkd.Simulation;

namespace Quanet.Security.Tests.Qkd.Simulation;

public sealed class Xoshiro256Tests
{
    // xoshiro256** (Blackman and Vigna) with its state filled by four SplitMix64 outputs of the seed, computed
    // independently from the published algorithms.
    [Theory]
    [InlineData(0UL, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL)]
    [InlineData(2024UL, 0x0e48715a13d7772eUL, 0xc837f3ee8a7a1065UL, 0x1272314b15ee5001UL)]
    public void First_outputs_match_the_reference_algorithm(ulong seed, ulong first, ulong second, ulong third)
    {
        var random = new Xoshiro256(seed);

        Assert.Equal([first, second, third], new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() });
    }

    [Fact]
    public void Bounded_integers_are_in_range_and_cover_it()
    {
        var random = new Xoshiro256(7);
        var seen = new bool[7];

        for (var i = 0; i < 1000; i++)
        {
            seen[random.NextInt(7)] = true;
        }

        Assert.All(seen, Assert.True);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }
}
