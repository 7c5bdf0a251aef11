using Generator = Quanet.Optimization.Sampling.Xoshiro256;

namespace Quanet.Security.Qkd.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64: a fast, reproducible
/// generator for simulation and for the public randomness of post-processing (permutations,
/// hash seeds). Not a cryptographic generator. A reference type over the product's one
/// implementation of the algorithm, so the simulation stages can share one stream.
/// </summary>
public sealed class Xoshiro256
{
    private Generator _core;

    /// <summary>Creates the generator from a 64-bit seed.</summary>
    public Xoshiro256(ulong seed) => _core = new Generator(seed);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => _core.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>A uniform integer in [0, bound) without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt(int bound) => _core.NextIntUnbiased(bound);
}
