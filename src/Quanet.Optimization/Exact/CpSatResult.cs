using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>The outcome of <see cref="CpSatSolver.Solve"/>.</summary>
/// <param name="Best">The best state found with its exact energy (model domain).</param>
/// <param name="LowerBound">A proven lower bound on the minimum energy (rounding tolerance already subtracted).</param>
/// <param name="ProvenOptimal">Whether CP-SAT proved the state optimal (up to <paramref name="Tolerance"/>).</param>
/// <param name="Scale">The factor that made the biases integers (1 when they already were).</param>
/// <param name="Tolerance">Bound on the energy error from rounding scaled biases (0 for integer biases).</param>
/// <param name="Statistics">Run statistics.</param>
public sealed record CpSatResult(Sample Best, double LowerBound, bool ProvenOptimal, double Scale, double Tolerance, SamplerStatistics Statistics)
{
    /// <summary>Relative optimality gap (best - bound) / max(1, |best|); 0 when proven optimal.</summary>
    public double Gap => ProvenOptimal ? 0.0 : Math.Max(0.0, Best.Energy - LowerBound) / Math.Max(1.0, Math.Abs(Best.Energy));
}
