using BenchmarkDotNet.Attributes;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Benchmarks.Optimization;

/// <summary>
/// Throughput and allocations of the samplers on a G-set sized problem: a random graph with 800 nodes and
/// edge probability 6 % (about 19,000 edges, like G1-G5), as a max-cut Ising model. The inner-loop
/// benchmarks report the time per flip attempt (OperationsPerInvoke) and must allocate nothing; the
/// whole-call benchmarks show that a call's allocation is the O(n + m) setup, independent of its length.
/// </summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int Nodes = 800;
    private BinaryQuadraticModel _model = null!;
    private SpinSystem _system = null!;
    private BreakoutLocalSearch _search = null!;
    private Xoshiro256 _rng;
    private ReadContext _context = null!;
    private double _beta;

    /// <summary>Sweeps (SA), steps (PT) or thousands of moves (tabu) per whole-call run.</summary>
    [Params(50, 200)]
    public int Work { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(Nodes);
        for (var i = 0; i < Nodes; i++)
        {
            for (var j = i + 1; j < Nodes; j++)
            {
                if (random.NextDouble() < 0.06)
                {
                    builder.AddQuadratic(i, j, 1.0);
                }
            }
        }

        _model = builder.Build();
        _system = new SpinSystem(_model);
        _rng = new Xoshiro256(7);
        _system.Randomize(ref _rng);
        _beta = BetaSchedule.DefaultRange(_model).Cold / 4;
        _context = new ReadContext(new SamplerOptions(), 1, CancellationToken.None);
        _search = new BreakoutLocalSearch(new SpinSystem(_model), 11);
    }

    /// <summary>One Metropolis sweep (800 flip attempts); reported per attempt.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public void MetropolisSweep() => _system.Sweep(_beta, ref _rng);

    /// <summary>Breakout local search for 1,000 moves (each scans the 800 candidates); reported per move.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public double TabuMoves()
    {
        _search.Run(1000, _context);
        return _search.BestEnergy;
    }

    /// <summary>A whole simulated-annealing call with one read.</summary>
    [Benchmark]
    public double SimulatedAnnealingCall() =>
        new SimulatedAnnealingSampler { Sweeps = Work }.Sample(_model, new SamplerOptions { Reads = 1 }).Best.Energy;

    /// <summary>A whole parallel-tempering call with one read of 8 replicas.</summary>
    [Benchmark]
    public double ParallelTemperingCall() =>
        new ParallelTemperingSampler { Sweeps = Work, Replicas = 8 }.Sample(_model, new SamplerOptions { Reads = 1 }).Best.Energy;

    /// <summary>A whole tabu call with one read of Work x 1000 moves.</summary>
    [Benchmark]
    public double TabuCall() =>
        new TabuSampler { MovesPerRead = Work * 1000L }.Sample(_model, new SamplerOptions { Reads = 1 }).Best.Energy;
}
