using Quanet.Security.Qkd.PostProcessing;
using Quanet.Security.Qkd.Simulation;
using Xunit.Abstractions;

namespace Quanet.Security.Tests.Qkd.PostProcessing;

public sealed class CascadeTests(ITestOutputHelper output)
{
    internal static (byte[] Alice, byte[] Bob, int Errors) NoisyPair(int length, double qber, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var alice = new byte[length];
        var bob = new byte[length];
        var errors = 0;
        for (var i = 0; i < length; i++)
        {
            alice[i] = (byte)(random.NextUInt64() & 1);
            var flip = random.NextDouble() < qber;
            bob[i] = (byte)(alice[i] ^ (flip ? 1 : 0));
            errors += flip ? 1 : 0;
        }

        return (alice, bob, errors);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.03)]
    [InlineData(0.05)]
    public void Corrects_every_error_of_a_100k_bit_block_near_the_Shannon_limit(double qber)
    {
        var (alice, bob, errors) = NoisyPair(100_000, qber, 42);

        var result = Cascade.Reconcile(alice, bob, qber, seed: 7);

        output.WriteLine($"qber {qber}: errors {errors}, corrected {result.ErrorsCorrected}, leaked {result.LeakedBits}, f {result.Efficiency(alice.Length):F4}");
        Assert.Equal(alice, result.Corrected);
        Assert.Equal(errors, result.ErrorsCorrected);
        Assert.InRange(result.Efficiency(alice.Length), 1.0, 1.15);
    }

    [Fact]
    public void Same_seed_gives_the_same_transcript_length()
    {
        var (alice, bob, _) = NoisyPair(20_000, 0.02, 1);

        var first = Cascade.Reconcile(alice, bob, 0.02, seed: 3);
        var second = Cascade.Reconcile(alice, bob, 0.02, seed: 3);

        Assert.Equal(first.LeakedBits, second.LeakedBits);
        Assert.Equal(first.Corrected, second.Corrected);
    }

    [Fact]
    public void An_error_free_key_leaks_only_the_top_level_parities()
    {
        var (alice, _, _) = NoisyPair(4096, 0, 5);

        var result = Cascade.Reconcile(alice, alice, 0.01, seed: 3);

        Assert.Equal(0, result.ErrorsCorrected);
        var options = new CascadeOptions();
        var expected = Enumerable.Range(0, options.Passes).Sum(p => (4096 + options.BlockSize(p, 4096, 0.01) - 1) / options.BlockSize(p, 4096, 0.01));
        Assert.Equal(expected, result.LeakedBits);
    }

    [Fact]
    public void Rejects_keys_of_different_length()
    {
        var ex = Assert.Throws<ArgumentException>(() => Cascade.Reconcile(new byte[10], new byte[9], 0.01, 1));
        Assert.Equal("keys differ in length: Alice 10, Bob 9", ex.Message);
    }
}
