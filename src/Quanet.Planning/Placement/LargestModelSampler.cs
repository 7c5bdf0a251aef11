using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// Passes every model to <paramref name="inner"/> and keeps the largest it was given (most variables, then most
/// couplers): the sub-QUBO a hybrid run's hardware footprint is measured on.
/// </summary>
/// <param name="inner">The sampler that solves.</param>
internal sealed class LargestModelSampler(ISampler inner) : ISampler
{
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <summary>The largest model sampled so far, or null.</summary>
    public BinaryQuadraticModel? Largest { get; private set; }

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_lock)
        {
            if (Largest is null || model.VariableCount > Largest.VariableCount
                || (model.VariableCount == Largest.VariableCount && model.InteractionCount > Largest.InteractionCount))
            {
                Largest = model;
            }
        }

        return inner.Sample(model, options, cancellationToken);
    }
}
