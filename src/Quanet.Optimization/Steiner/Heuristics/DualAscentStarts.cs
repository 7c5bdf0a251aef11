using Quanet.Optimization.Steiner.Exact;

namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Starts guided by Wong's dual ascent (<see cref="DualAscent"/>), after Pajor, Uchoa and Werneck (2018) and
/// Rehfeldt's SCIP-Jack. <see cref="AscendAndPrune"/>: the arcs the ascent saturated (reduced cost 0) that the
/// root reaches form a small subgraph holding every terminal; the shortest-path heuristic from the root on it,
/// with the true weights, gives the tree. <see cref="Guided"/>: the shortest-path heuristic on the whole graph
/// with each edge's weight raised by a multiple of its smaller arc reduced cost, so paths prefer the edges the
/// dual solution marks as cheap. One ascent per root is run and kept; both start kinds reuse it.
/// </summary>
internal sealed class DualAscentStarts
{
    private readonly SteinerGraph _g;
    private readonly DualAscentRuns _runs;
    private readonly long _penalty;
    private readonly bool[] _reached;
    private readonly List<int> _queue = [];
    private readonly long[] _weights;

    /// <summary>Creates the starts for <paramref name="graph"/>, sharing <paramref name="runs"/> (of the same graph) when given.</summary>
    public DualAscentStarts(SteinerGraph graph, DualAscentRuns? runs = null)
    {
        if (runs is not null && !ReferenceEquals(runs.Graph, graph))
        {
            throw new ArgumentException("the dual-ascent runs belong to another graph", nameof(runs));
        }

        _g = graph;
        _runs = runs ?? new DualAscentRuns(graph);
        long maxWeight = 1;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            maxWeight = Math.Max(maxWeight, graph.Weight(e));
        }

        // Weight of an edge outside the saturated subgraph: above any simple path inside it, so such an edge is
        // used only where the subgraph does not reach a terminal (an ascent cut short by the deadline), and small
        // enough that no path of them overflows.
        var n = graph.NodeCount + 1L;
        _penalty = Math.Max(maxWeight, Math.Min(n * maxWeight, (1L << 61) / n));
        _reached = new bool[graph.NodeCount];
        _weights = new long[graph.EdgeCount];
    }

    /// <summary>The best lower bound of the ascents run so far (0 before the first).</summary>
    public long LowerBound => _runs.LowerBound;

    /// <summary>The reduced costs of the dual ascent rooted at <paramref name="root"/> (run once, then kept).</summary>
    public long[] ReducedCosts(int root, Func<bool> expired) => _runs.Run(root, expired).ReducedCost;

    /// <summary>
    /// Ascend and prune from terminal <paramref name="root"/>: marks in <paramref name="mask"/> the nodes of the
    /// shortest-path tree from the root over the saturated arcs it reaches, with the true weights.
    /// </summary>
    public void AscendAndPrune(TreeWorkspace ws, int root, bool[] mask, Func<bool> expired)
    {
        var rc = ReducedCosts(root, expired);
        var g = _g;
        var weights = _weights;

        // Nodes the root reaches over arcs of zero reduced cost.
        Array.Clear(_reached);
        _queue.Clear();
        _queue.Add(root);
        _reached[root] = true;
        for (var i = 0; i < _queue.Count; i++)
        {
            var v = _queue[i];
            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Other(e, v);
                if (!_reached[u] && rc[DualAscent.ArcOutOf(g, e, v)] == 0)
                {
                    _reached[u] = true;
                    _queue.Add(u);
                }
            }
        }

        for (var e = 0; e < weights.Length; e++)
        {
            var saturated = rc[2 * e] == 0 || rc[(2 * e) + 1] == 0;
            weights[e] = saturated && _reached[g.Tail(e)] && _reached[g.Head(e)] ? g.Weight(e) : _penalty;
        }

        ShortestPathHeuristic.Run(ws, root, weights, mask);
    }

    /// <summary>
    /// The shortest-path heuristic from <paramref name="root"/> on weights scale * (w + alpha * rc) times a random
    /// factor in [1, 1.1), rc the edge's smaller arc reduced cost in the ascent from <paramref name="ascentRoot"/>.
    /// </summary>
    public void Guided(TreeWorkspace ws, int ascentRoot, int root, double alpha, long scale, bool[] mask, Random random, Func<bool> expired)
    {
        var rc = ReducedCosts(ascentRoot, expired);
        var g = _g;
        var weights = _weights;
        for (var e = 0; e < weights.Length; e++)
        {
            var r = Math.Min(rc[2 * e], rc[(2 * e) + 1]);
            var w = (g.Weight(e) + (alpha * r)) * scale;
            weights[e] = (long)(w * (1.0 + (0.1 * random.NextDouble())));
        }

        ShortestPathHeuristic.Run(ws, root, weights, mask);
    }
}
