namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// An open node of <see cref="LpBranchAndCut"/>: the vertex decisions from the root (v + 1 when vertex v is
/// in the tree, -(v + 1) when it is out), the arcs that reduced-cost fixing excluded on the way, and a
/// lower bound valid for every tree in the node's subproblem.
/// </summary>
internal sealed record BranchNode(long Bound, int Depth, long Id, int[] Decisions, int[] FixedArcs);
