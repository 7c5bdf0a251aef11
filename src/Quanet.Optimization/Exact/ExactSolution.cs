using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Exact;

/// <summary>The outcome of <see cref="ExactSolver.Solve"/>.</summary>
/// <param name="Samples">The best state found, as a sample set.</param>
/// <param name="Certificate">CP-SAT's result with its lower bound when the model was too large to enumerate; null when enumerated.</param>
public sealed record ExactSolution(SampleSet Samples, CpSatResult? Certificate)
{
    /// <summary>Whether the state is proven optimal: enumeration that ran to the end, or CP-SAT's proof.</summary>
    public bool ProvenOptimal => Certificate?.ProvenOptimal ?? !Samples.Statistics.TimedOut;
}
