using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Cli.Commands.Steiner;

/// <summary>Maps <c>--sampler</c> to a QUBO solver for the Steiner QUBO path.</summary>
internal static class QuboSampling
{
    /// <summary>Null for the built-in exact ground-state search; otherwise the engine's sampler, best state of its reads.</summary>
    public static Func<BinaryQuadraticModel, sbyte[]>? Create(string name, int seed, double seconds, CancellationToken ct)
    {
        ISampler? sampler = name switch
        {
            "sa" => new SimulatedAnnealingSampler(),
            "tabu" => new TabuSampler(),
            _ => null,
        };
        if (sampler is null)
        {
            return null;
        }

        return model => sampler.Sample(model, new SamplerOptions { Seed = seed, TimeLimit = TimeSpan.FromSeconds(seconds * 0.8) }, ct).Best.ToArray();
    }
}
