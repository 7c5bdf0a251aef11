using System.Numerics;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64: a fast, allocation-free generator
/// for the samplers' inner loops, and the core of Quanet.Security's QKD generator (one implementation of
/// the algorithm for the whole product). A mutable struct: pass it by reference. Not cryptographic.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The seed of read <paramref name="read"/> derived from the caller's master seed, so reads are independent and reproducible.</summary>
    public static ulong ReadSeed(int masterSeed, int read)
    {
        var x = ((ulong)(uint)masterSeed << 32) | (uint)read;
        _ = SplitMix(ref x);
        return SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Uniform in [0, <paramref name="n"/>) by a 32-bit multiply-shift (Lemire), n &gt; 0: one multiplication,
    /// with a bias of at most n / 2^32 that the samplers can afford.
    /// </summary>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Uniform in [0, <paramref name="bound"/>) without bias (Lemire's method with rejection on 64 bits).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextIntUnbiased(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var product = (UInt128)NextUInt64() * (ulong)bound;
        var low = (ulong)product;
        if (low < (ulong)bound)
        {
            var threshold = (0UL - (ulong)bound) % (ulong)bound;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * (ulong)bound;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
