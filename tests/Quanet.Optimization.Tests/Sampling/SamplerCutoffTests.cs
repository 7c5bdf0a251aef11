using Quanet.Optimization.Exact;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Tests.Sampling;

/// <summary><see cref="SamplerOptions.Cutoff"/>: a cap that cuts a fixed budget short but never turns it into a time budget.</summary>
public sealed class SamplerCutoffTests
{
    [Fact]
    public void A_passed_cutoff_stops_an_exhaustive_search_at_once()
    {
        var model = Chain(24);

        var set = new ExhaustiveSolver().Sample(model, new SamplerOptions { Cutoff = TimeSpan.Zero });

        Assert.True(set.Statistics.TimedOut);
    }

    [Fact]
    public void A_distant_cutoff_leaves_a_fixed_budget_as_it_is()
    {
        var model = Chain(40);
        var sampler = new SimulatedAnnealingSampler { Sweeps = 20 };
        var plain = new SamplerOptions { Seed = 3, Reads = 4, MaxDegreeOfParallelism = 1 };

        var without = sampler.Sample(model, plain);
        var with = sampler.Sample(model, plain with { Cutoff = TimeSpan.FromHours(1) });

        // the same reads, not restarts until the cutoff
        Assert.Equal(without.Samples.Select(s => (s.Energy, s.Occurrences)), with.Samples.Select(s => (s.Energy, s.Occurrences)));
        Assert.Equal(without.Statistics.Reads, with.Statistics.Reads);
        Assert.False(with.Statistics.TimedOut);
    }

    private static BinaryQuadraticModel Chain(int n)
    {
        var builder = new BqmBuilder(Vartype.Spin);
        for (var i = 0; i < n; i++)
        {
            builder.AddVariable($"s{i}");
        }

        for (var i = 0; i + 1 < n; i++)
        {
            builder.AddQuadratic(i, i + 1, (i % 3) - 1.0);
        }

        return builder.Build();
    }
}
