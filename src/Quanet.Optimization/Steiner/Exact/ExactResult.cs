namespace Quanet.Optimization.Steiner.Exact;

/// <summary>What the exact solver returns on a (reduced) graph.</summary>
/// <param name="Edges">Tree edges (ids of the graph solved).</param>
/// <param name="Cost">Tree cost.</param>
/// <param name="LowerBound">Proven lower bound.</param>
/// <param name="Optimal">True when <paramref name="Cost"/> equals the lower bound.</param>
/// <param name="Cuts">Steiner cuts separated.</param>
/// <param name="FixedArcs">Arcs excluded by reduced-cost fixing.</param>
/// <param name="Nodes">Branch-and-bound nodes processed by <see cref="LpBranchAndCut"/> (0 on the other paths).</param>
/// <param name="LpEngine">The LP engine of branch-and-cut: "clp" (warm-started, own tree), "glop" (rebuilt each round, then SCIP), or empty when no LP was solved.</param>
internal readonly record struct ExactResult(int[] Edges, long Cost, long LowerBound, bool Optimal, int Cuts, int FixedArcs, int Nodes = 0, string LpEngine = "");
