using Quanet.Optimization.Exact;
using Quanet.Optimization.Sampling;

namespace Quanet.Workflows.Solvers;

/// <summary>The outcome of <see cref="QuboSolving.Solve"/>.</summary>
/// <param name="Samples">The samples; <see cref="SampleSet.Best"/> is the answer.</param>
/// <param name="Certificate">CP-SAT's result (lower bound, tolerance) when the exact solver used it; otherwise null.</param>
/// <param name="ProvenOptimal">Whether the best state is proven optimal (only the exact solver proves).</param>
public sealed record QuboSolution(SampleSet Samples, CpSatResult? Certificate, bool ProvenOptimal);
