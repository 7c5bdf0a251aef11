using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// The samplers the quantum path uses. Until the engine's simulated-annealing, tabu and QAOA samplers
/// are in this build, <see cref="Annealing"/> is <see cref="MetropolisQuboSampler"/> and QAOA is unavailable.
/// </summary>
internal static class QuboSamplers
{
    /// <summary>The annealing sampler for <c>qubo</c>.</summary>
    public static ISampler Annealing() => new MetropolisQuboSampler();

    /// <summary>The QAOA sampler for <c>qaoa</c>, or null when none is in this build.</summary>
    public static ISampler? Qaoa() => null;
}
