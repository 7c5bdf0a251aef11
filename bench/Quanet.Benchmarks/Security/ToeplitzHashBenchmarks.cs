using BenchmarkDotNet.Attributes;
using Quanet.Security.Qkd.PostProcessing;
using Quanet.Security.Qkd.Simulation;

namespace Quanet.Benchmarks.Security;

/// <summary>
/// Privacy amplification: Toeplitz hash of an n-bit reconciled key to n/2 bits: the Toeplitz split,
/// the full Karatsuba product (both over carry-less multiply) and the additive FFT over GF(2^64)
/// against the row-by-row baseline.
/// </summary>
[MemoryDiagnoser]
public class ToeplitzHashBenchmarks
{
    private ulong[] _input = [];
    private ulong[] _seed = [];

    [Params(1 << 16, 1 << 18)]
    public int InputBits { get; set; }

    public int OutputBits => InputBits / 2;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Xoshiro256(42);
        _input = new ulong[BitString.Words(InputBits)];
        _seed = new ulong[BitString.Words(ToeplitzHash.SeedBits(InputBits, OutputBits))];
        for (var i = 0; i < _input.Length; i++)
        {
            _input[i] = random.NextUInt64();
        }

        for (var i = 0; i < _seed.Length; i++)
        {
            _seed[i] = random.NextUInt64();
        }
    }

    [Benchmark(Baseline = true)]
    public ulong[] RowByRow() => ToeplitzHash.HashNaive(_input, InputBits, _seed, OutputBits);

    [Benchmark]
    public ulong[] FullProduct() => ToeplitzHash.HashByFullProduct(_input, InputBits, _seed, OutputBits);

    [Benchmark]
    public ulong[] ToeplitzSplit() => ToeplitzHash.HashByToeplitzSplit(_input, InputBits, _seed, OutputBits);

    [Benchmark]
    public ulong[] AdditiveFft() => ToeplitzHash.HashByFft(_input, InputBits, _seed, OutputBits);
}
