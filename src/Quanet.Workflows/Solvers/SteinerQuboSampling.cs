using Quanet.Optimization.Hybrid;
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

    /// <summary>
    /// <c>steiner --solver qubo-hybrid</c>: the QUBO solved by hybrid decomposition (<see cref="HybridSolver"/> on
    /// <see cref="HybridModel.FromBqm"/>) from the heuristic tree, sub-QUBOs of <paramref name="subSize"/> variables sent to
    /// <paramref name="subSolver"/>, within <see cref="TimeShare"/> of <paramref name="timeLimit"/> or
    /// <paramref name="subproblems"/> subproblems. Every state the loop accepts is a tree: the penalty exceeds the start's
    /// cost and the loop never accepts an energy above the start's. <paramref name="statistics"/> receives the run's statistics.
    /// </summary>
    public static Func<BinaryQuadraticModel, sbyte[], sbyte[]> Hybrid(ISampler subSolver, int subSize, int seed, TimeSpan timeLimit, int? subproblems = null, Action<HybridStatistics>? statistics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subSolver);
        return (model, start) =>
        {
            var result = new HybridSolver().Solve(HybridModel.FromBqm(model), new HybridOptions
            {
                SubSolver = subSolver,
                SubSize = subSize,
                Seed = seed,
                TimeLimit = timeLimit * TimeShare,
                Subproblems = subproblems,
            }, new HybridHooks { Start = start }, cancellationToken);
            statistics?.Invoke(result.Statistics);
            return result.State;
        };
    }
}
