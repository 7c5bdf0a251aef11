namespace Quanet.Optimization.Steiner.Arborescence;

/// <summary>What <see cref="SteinerArborescence.Solve"/> returns.</summary>
/// <param name="Arcs">Ids (indices into the input arc list) of the arborescence's arcs, ascending.</param>
/// <param name="Cost">Sum of the arcs' costs.</param>
/// <param name="LowerBound">Proven lower bound of the optimum (at most <paramref name="Cost"/>).</param>
/// <param name="Optimal">True when <paramref name="Cost"/> equals <paramref name="LowerBound"/>.</param>
/// <param name="Cuts">Steiner cuts separated.</param>
public sealed record ArborescenceSolution(IReadOnlyList<int> Arcs, long Cost, long LowerBound, bool Optimal, int Cuts);
