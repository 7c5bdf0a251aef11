namespace Quanet.Optimization.Steiner.Exact;

/// <summary>What the exact solver returns on a (reduced) graph.</summary>
/// <param name="Edges">Tree edges (ids of the graph solved).</param>
/// <param name="Cost">Tree cost.</param>
/// <param name="LowerBound">Proven lower bound.</param>
/// <param name="Optimal">True when <paramref name="Cost"/> equals the lower bound.</param>
/// <param name="Cuts">Steiner cuts separated.</param>
/// <param name="FixedArcs">Arcs excluded by reduced-cost fixing.</param>
internal readonly record struct ExactResult(int[] Edges, long Cost, long LowerBound, bool Optimal, int Cuts, int FixedArcs);
