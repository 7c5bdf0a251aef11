using Quanet.Optimization.Exact;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Workflows.Solvers;

/// <summary>Minimises a QUBO / Ising model with a catalogue sampler (<c>qubo solve</c>, <c>maxcut</c>).</summary>
public static class QuboSolving
{
    /// <summary>
    /// Checks that <paramref name="entry"/> can take <paramref name="model"/>, then samples it; the exact
    /// solver also returns its proof of optimality or, above the enumeration limit, CP-SAT's lower bound.
    /// </summary>
    /// <exception cref="ArgumentException">The model is larger than the solver takes (e.g. QAOA beyond its qubits).</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static QuboSolution Solve(SolverEntry<ISampler> entry, BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(model);
        if (entry.Unavailable(model.VariableCount) is { } reason)
        {
            throw new ArgumentException(reason);
        }

        var sampler = entry.Create();
        if (sampler is ExactSolver exact)
        {
            var solution = exact.Solve(model, options, cancellationToken);
            return new QuboSolution(solution.Samples, solution.Certificate, solution.ProvenOptimal);
        }

        return new QuboSolution(sampler.Sample(model, options, cancellationToken), null, false);
    }
}
