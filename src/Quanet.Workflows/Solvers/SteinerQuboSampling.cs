using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Steiner;

namespace Quanet.Workflows.Solvers;

/// <summary>Turns a <see cref="SolverCatalogue.SteinerQubo"/> sampler into the QUBO solver of <see cref="SteinerSolverOptions"/>.</summary>
public static class SteinerQuboSampling
{
    /// <summary>The share of the whole time limit the sampler gets; the rest is left for reductions, decoding and the bound.</summary>
    public const double TimeShare = 0.8;

    /// <summary>
    /// Null for the built-in exact ground-state search (<paramref name="sampler"/> null); otherwise a function
    /// returning the best state of the sampler's seeded reads within <see cref="TimeShare"/> of <paramref name="timeLimit"/>.
    /// </summary>
    public static Func<BinaryQuadraticModel, sbyte[]>? For(ISampler? sampler, int seed, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        if (sampler is null)
        {
            return null;
        }

        var options = new SamplerOptions { Seed = seed, TimeLimit = timeLimit * TimeShare };
        return model => sampler.Sample(model, options, cancellationToken).Best.ToArray();
    }
}
