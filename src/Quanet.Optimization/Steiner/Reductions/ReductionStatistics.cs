namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>What the reductions removed.</summary>
/// <param name="NodesBefore">Nodes before reduction.</param>
/// <param name="EdgesBefore">Edges before reduction.</param>
/// <param name="NodesAfter">Nodes left.</param>
/// <param name="EdgesAfter">Edges left.</param>
/// <param name="TerminalsAfter">Terminals left.</param>
/// <param name="FixedCost">Weight of edges fixed into the solution.</param>
public readonly record struct ReductionStatistics(int NodesBefore, int EdgesBefore, int NodesAfter, int EdgesAfter, int TerminalsAfter, long FixedCost);
