using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>The engine's samplers that the quantum path uses.</summary>
internal static class QuboSamplers
{
    /// <summary>The annealing sampler for <c>qubo</c>: the engine's simulated annealing (single-flip Metropolis, parallel seeded reads).</summary>
    public static ISampler Annealing() => new SimulatedAnnealingSampler();

    /// <summary>The QAOA sampler for <c>qaoa</c>: the engine's state-vector QAOA (depth 3, 1000 shots).</summary>
    public static ISampler Qaoa() => new QaoaSampler();
}
