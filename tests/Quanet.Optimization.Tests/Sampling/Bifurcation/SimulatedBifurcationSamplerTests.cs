using Quanet.Optimization.Exact;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Sampling.Bifurcation;
using Quanet.Testing;

namespace Quanet.Optimization.Tests.Sampling.Bifurcation;

public sealed class SimulatedBifurcationSamplerTests
{
    public static TheoryData<BifurcationVariant, bool> Variants => new()
    {
        { BifurcationVariant.Discrete, true },
        { BifurcationVariant.Discrete, false },
        { BifurcationVariant.Ballistic, true },
        { BifurcationVariant.Ballistic, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Finds_the_exhaustive_ground_state_of_spin_glasses_with_fields(BifurcationVariant variant, bool localSearch)
    {
        var sampler = new SimulatedBifurcationSampler { Variant = variant, LocalSearch = localSearch, Steps = 1000 };
        for (var seed = 1; seed <= 5; seed++)
        {
            var model = SpinGlass(16, seed, withFields: true);
            var exact = new ExhaustiveSolver().Sample(model, new SamplerOptions()).Best.Energy;

            var result = sampler.Sample(model, new SamplerOptions { Seed = seed, Reads = 4 });

            Assert.Equal(exact, result.Best.Energy, 9);
        }
    }

    [Fact]
    public void Samples_binary_models_through_their_ising_form()
    {
        // a QUBO with a unique minimum: x0 = x2 = 1, x1 = 0 (energy -5), checked against enumeration
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(3);
        builder.AddLinear(0, -3);
        builder.AddLinear(1, -1);
        builder.AddLinear(2, -2);
        builder.AddQuadratic(0, 1, 4);
        builder.AddQuadratic(1, 2, 3);
        var model = builder.Build();

        var result = new SimulatedBifurcationSampler().Sample(model, new SamplerOptions { Seed = 3, Reads = 2 });

        Assert.Equal(Vartype.Binary, result.Vartype);
        Assert.Equal(new sbyte[] { 1, 0, 1 }, result.Best.ToArray());
        Assert.Equal(-5.0, result.Best.Energy, 12);
        Assert.Equal(new ExhaustiveSolver().Sample(model, new SamplerOptions()).Best.Energy, result.Best.Energy, 12);
    }

    [Fact]
    public void Pure_sb_orders_an_antiferromagnetic_ring()
    {
        // an even ring with J = +1 on every edge: the ground states alternate, energy -n
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(64);
        for (var i = 0; i < 64; i++)
        {
            builder.AddQuadratic(i, (i + 1) % 64, 1);
        }

        var result = new SimulatedBifurcationSampler { LocalSearch = false }.Sample(builder.Build(), new SamplerOptions { Seed = 1, Reads = 1 });

        Assert.Equal(-64.0, result.Best.Energy, 12);
    }

    [Theory]
    [InlineData(BifurcationVariant.Discrete)]
    [InlineData(BifurcationVariant.Ballistic)]
    public void Same_seed_gives_the_same_sample_set_on_one_or_two_threads(BifurcationVariant variant)
    {
        var model = SpinGlass(120, seed: 7, withFields: true);
        var sampler = new SimulatedBifurcationSampler { Variant = variant, Steps = 400, LocalSearch = false };

        var one = sampler.Sample(model, new SamplerOptions { Seed = 4, Reads = 4, MaxDegreeOfParallelism = 1 });
        var two = sampler.Sample(model, new SamplerOptions { Seed = 4, Reads = 4, MaxDegreeOfParallelism = 2 });

        Assert.Equal(one.Samples.Count, two.Samples.Count);
        for (var k = 0; k < one.Samples.Count; k++)
        {
            Assert.Equal(one.Samples[k].ToArray(), two.Samples[k].ToArray());
            Assert.Equal(one.Samples[k].Energy, two.Samples[k].Energy);
        }

        Assert.Equal(one.Statistics.FlipAttempts, two.Statistics.FlipAttempts);
        Assert.Equal(4, one.Statistics.Reads);
    }

    [Fact]
    public void Every_returned_energy_is_the_models_energy_of_its_state()
    {
        var model = SpinGlass(80, seed: 2, withFields: true).ToQubo();

        var result = new SimulatedBifurcationSampler { Steps = 300 }.Sample(model, new SamplerOptions { Seed = 8, Reads = 6 });

        Assert.NotEmpty(result.Samples);
        foreach (var sample in result.Samples)
        {
            Assert.Equal(model.Energy(sample.State), sample.Energy, 9);
        }
    }

    [Fact]
    public void Keeps_the_papers_time_step_on_an_sk_model_and_lowers_it_on_a_positive_graph()
    {
        // SK model (K2000-like, J = +-1 on a complete graph): c0 = 0.5 / (sqrt(N) sigma) and the spectral radius
        // 2 sigma sqrt(N) give c0 rho near 1, so the 2021 paper's dt = 1.25 is stable and kept
        var sk = SpinGlass(300, seed: 3, withFields: false, complete: true);
        var skDt = SimulatedBifurcationSampler.StableTimeStep(1.25, BifurcationBatch.DefaultC0(sk), BifurcationBatch.SpectralRadius(sk));

        // the complete graph with J = +1 (the extreme of Gset's positive weights): spectral radius n - 1 (the uniform
        // mode), sigma = 1, c0 = 0.5 / sqrt(n), so c0 rho = 4.95 for n = 100 and the step drops to 1.8 / sqrt(5.95)
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(100);
        for (var i = 0; i < 100; i++)
        {
            for (var j = i + 1; j < 100; j++)
            {
                builder.AddQuadratic(i, j, 1);
            }
        }

        var complete = builder.Build();
        var rho = BifurcationBatch.SpectralRadius(complete);
        var c0 = BifurcationBatch.DefaultC0(complete);

        Assert.Equal(1.25, skDt, 12);
        Assert.Equal(99.0, rho, 6);
        Assert.Equal(0.05, c0, 6);
        Assert.Equal(1.8 / Math.Sqrt(5.95), SimulatedBifurcationSampler.StableTimeStep(1.25, c0, rho), 5);
    }

    [Fact]
    public void Rejects_invalid_parameters()
    {
        var model = SpinGlass(4, seed: 1, withFields: false);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedBifurcationSampler { Steps = 0 }.Sample(model, new SamplerOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedBifurcationSampler { Replicas = 0 }.Sample(model, new SamplerOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedBifurcationSampler { TimeStep = double.NaN }.Sample(model, new SamplerOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedBifurcationSampler { C0 = -1 }.Sample(model, new SamplerOptions()));
    }

    [RequiresSharedFact("benchmarks/gset/G1.txt")]
    public void Cuts_gset_g1_within_half_a_percent_of_the_best_known_on_a_fixed_budget()
    {
        // G1: 800 nodes, 19,176 unit edges; best known cut 11,624 (Benlic and Hao 2013). Two reads of one
        // 32-replica batch of 3000 steps each: a step budget, no time limit, so the figure does not depend on load
        var graph = GsetFormat.Read(SharedBenchmarks.Locate("benchmarks/gset/G1.txt"));

        var result = MaxCutSolver.Solve(graph, new SimulatedBifurcationSampler(), new SamplerOptions { Seed = 1, Reads = 2 });

        Assert.InRange(result.Cut, 11_624 * 0.995, 11_624);
    }

    private static BinaryQuadraticModel SpinGlass(int n, int seed, bool withFields, bool complete = false)
    {
        var random = new Random(seed);
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(n);
        for (var i = 0; i < n; i++)
        {
            if (withFields)
            {
                builder.AddLinear(i, random.Next(-2, 3));
            }

            for (var j = i + 1; j < n; j++)
            {
                if (complete || random.NextDouble() < 4.0 / n)
                {
                    builder.AddQuadratic(i, j, random.Next(2) == 0 ? -1 : 1);
                }
            }
        }

        return builder.Build();
    }
}
