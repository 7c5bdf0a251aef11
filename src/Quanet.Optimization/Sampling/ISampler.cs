using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// Finds low-energy states of a <see cref="BinaryQuadraticModel"/>. Every sampler honours the seed
/// (same seed and options, same result), the time limit, the target energy, cancellation, the
/// number of reads (run in parallel) and progress reporting in <see cref="SamplerOptions"/>.
/// </summary>
public interface ISampler
{
    /// <summary>Short name, as used by <c>--solver</c> (e.g. <c>sa</c>, <c>pt</c>, <c>tabu</c>).</summary>
    string Name { get; }

    /// <summary>Samples <paramref name="model"/>; states are returned in the model's own variable domain.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default);
}
