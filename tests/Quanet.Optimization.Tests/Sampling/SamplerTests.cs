using CsCheck;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Tests.Exact;
using Quanet.Optimization.Tests.Qubo;

namespace Quanet.Optimization.Tests.Sampling;

public sealed class SamplerTests
{
    public static TheoryData<string> Samplers => ["sa", "pt", "tabu", "sb"];

    private static ISampler Create(string name) => name switch
    {
        "sa" => new SimulatedAnnealingSampler { Sweeps = 500 },
        "pt" => new ParallelTemperingSampler { Sweeps = 200, Replicas = 8 },
        "sb" => new Quanet.Optimization.Sampling.Bifurcation.SimulatedBifurcationSampler { Steps = 300, Replicas = 8 },
        _ => new TabuSampler { MovesPerRead = 2000 },
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Finds_the_ground_state_of_small_random_models(string name)
    {
        var sampler = Create(name);
        RandomModels.ModelAndState.Sample(t =>
        {
            var result = sampler.Sample(t.Model, new SamplerOptions { Seed = 5, Reads = 8 });

            Assert.Equal(BruteForce.Minimum(t.Model), result.Best.Energy, 9);
            Assert.Equal(t.Model.Energy(result.Best.State), result.Best.Energy, 9);
            Assert.Equal(t.Model.Vartype, result.Vartype);
        }, iter: 60);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Same_seed_gives_the_same_samples_at_any_parallelism(string name)
    {
        var model = Frustrated(40, seed: 11);
        var sampler = Create(name);

        var serial = sampler.Sample(model, new SamplerOptions { Seed = 9, Reads = 6, MaxDegreeOfParallelism = 1 });
        var parallel = sampler.Sample(model, new SamplerOptions { Seed = 9, Reads = 6, MaxDegreeOfParallelism = 4 });
        var other = sampler.Sample(model, new SamplerOptions { Seed = 10, Reads = 6, MaxDegreeOfParallelism = 4 });

        Assert.Equal(serial.Samples.Count, parallel.Samples.Count);
        for (var k = 0; k < serial.Samples.Count; k++)
        {
            Assert.Equal(serial.Samples[k].State.ToArray(), parallel.Samples[k].State.ToArray());
            Assert.Equal(serial.Samples[k].Occurrences, parallel.Samples[k].Occurrences);
        }

        Assert.Equal(6, serial.Statistics.Reads);
        Assert.True(serial.Statistics.FlipAttempts > 0);
        Assert.NotNull(other.Best);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Stops_at_the_target_energy_before_the_time_limit(string name)
    {
        var model = Frustrated(30, seed: 2);
        var ground = new TabuSampler().Sample(model, new SamplerOptions { Seed = 1, Reads = 2 }).Best.Energy;

        var result = Create(name).Sample(model, new SamplerOptions { Seed = 1, Reads = 2, TimeLimit = TimeSpan.FromMinutes(5), TargetEnergy = ground + 4 });

        Assert.True(result.Statistics.ReachedTarget);
        Assert.False(result.Statistics.TimedOut);
        Assert.True(result.Best.Energy <= ground + 4);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Honours_the_time_limit(string name)
    {
        var model = Frustrated(200, seed: 4);

        ISampler sampler = name switch
        {
            "sa" => new SimulatedAnnealingSampler(),
            "pt" => new ParallelTemperingSampler(),
            "sb" => new Quanet.Optimization.Sampling.Bifurcation.SimulatedBifurcationSampler(),
            _ => new TabuSampler(),
        };

        var result = sampler.Sample(model, new SamplerOptions { Seed = 1, Reads = 2, TimeLimit = TimeSpan.FromMilliseconds(200) });

        Assert.True(result.Statistics.TimedOut);
        Assert.Equal(model.Energy(result.Best.State), result.Best.Energy, 9);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Cancellation_throws(string name)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Create(name).Sample(Frustrated(20, seed: 1), new SamplerOptions { TimeLimit = TimeSpan.FromMinutes(1) }, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Cancellation_during_the_run_returns_the_best_state_so_far_marked_interrupted(string name)
    {
        var model = Frustrated(200, seed: 4);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancel); // Ctrl+C once the run has found something

        var result = Create(name).Sample(model, new SamplerOptions { Seed = 1, Reads = 2, TimeLimit = TimeSpan.FromMinutes(10), Progress = progress }, cancel.Token);

        Assert.True(result.Statistics.Interrupted);
        Assert.False(result.Statistics.TimedOut);
        Assert.Equal(model.Energy(result.Best.State), result.Best.Energy, 9);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Reports_progress(string name)
    {
        var reports = new List<SamplerProgress>();
        var progress = new SynchronousProgress(reports);

        Create(name).Sample(Frustrated(30, seed: 8), new SamplerOptions { Reads = 2, Progress = progress });

        Assert.NotEmpty(reports);
        Assert.Contains(reports, r => r.ReadsDone == 2 && r.ReadsTotal == 2);
    }

    [Fact]
    public void Restart_lengths_follow_the_luby_sequence()
    {
        // Luby, Sinclair and Zuckerman 1993
        long[] expected = [1, 1, 2, 1, 1, 2, 4, 1, 1, 2, 1, 1, 2, 4, 8, 1];

        Assert.Equal(expected, Enumerable.Range(1, expected.Length).Select(SimulatedAnnealingSampler.Luby));
    }

    [Fact]
    public void Default_beta_range_follows_neal()
    {
        // h = {0: 1}, J = {(0,1): -2, (1,2): 0.5}: max total |bias| 3 (variable 0), min |bias| 0.5
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(3);
        builder.AddLinear(0, 1);
        builder.AddQuadratic(0, 1, -2);
        builder.AddQuadratic(1, 2, 0.5);

        var (hot, cold) = BetaSchedule.DefaultRange(builder.Build());

        Assert.Equal(Math.Log(2) / 3, hot, 12);
        Assert.Equal(Math.Log(100) / 0.5, cold, 12);
    }

    /// <summary>A random ±1 spin glass on a sparse random graph.</summary>
    internal static BinaryQuadraticModel Frustrated(int n, int seed)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(n);
        for (var e = 0; e < 3 * n; e++)
        {
            var i = random.Next(n);
            var j = random.Next(n);
            if (i != j)
            {
                builder.AddQuadratic(i, j, random.Next(2) == 0 ? -1 : 1);
            }
        }

        return builder.Build();
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value) => cancel.Cancel();
    }

    private sealed class SynchronousProgress(List<SamplerProgress> reports) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
