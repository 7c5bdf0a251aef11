using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>
/// The exact solver behind <c>--solver exact</c>: Gray-code enumeration for models of at most
/// <see cref="ExhaustiveSolver.MaxVariables"/> variables, CP-SAT on the linearised model above that.
/// </summary>
public sealed class ExactSolver : ISampler
{
    /// <inheritdoc />
    public string Name => "exact";

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.VariableCount <= ExhaustiveSolver.MaxVariables
            ? new ExhaustiveSolver().Sample(model, options, cancellationToken)
            : new CpSatSolver().Sample(model, options, cancellationToken);
    }
}
