namespace Quanet.Optimization.Hybrid;

/// <summary>What one subproblem selector of <see cref="HybridSolver"/> contributed in a run.</summary>
/// <param name="Name">The selector: <c>impact</c> (qbsolv's energy-impact windows), <c>neighbourhood</c> (breadth first around a set variable) or <c>ruin</c> (large-neighbourhood search: free a few set variables, add what re-covers what they leave).</param>
/// <param name="Subproblems">Subproblems it built.</param>
/// <param name="Improving">Accepted sub-answers (not repaired) from its subproblems that lowered the energy.</param>
/// <param name="Gain">Energy those sub-answers removed.</param>
public sealed record HybridSelectorStatistics(string Name, int Subproblems, int Improving, double Gain);
