using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>
/// The exact solver behind <c>--solver exact</c>, and the one place its policy is written: Gray-code
/// enumeration for models of at most <see cref="ExhaustiveSolver.MaxVariables"/> variables, CP-SAT on the
/// linearised model above that.
/// </summary>
public sealed class ExactSolver : ISampler
{
    /// <inheritdoc />
    public string Name => "exact";

    /// <summary>Whether a model of <paramref name="variableCount"/> variables is enumerated (true) or handed to CP-SAT (false).</summary>
    public static bool Enumerates(int variableCount) => variableCount <= ExhaustiveSolver.MaxVariables;

    /// <inheritdoc />
    public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default) =>
        Solve(model, options, cancellationToken).Samples;

    /// <summary>Minimises <paramref name="model"/> exactly and says whether optimality is proven.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public ExactSolution Solve(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Enumerates(model.VariableCount))
        {
            return new ExactSolution(new ExhaustiveSolver().Sample(model, options, cancellationToken), null);
        }

        var certificate = new CpSatSolver().Solve(model, options, cancellationToken);
        return new ExactSolution(new SampleSet(model.Vartype, [certificate.Best], certificate.Statistics), certificate);
    }
}
