namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The result of reducing a graph: a smaller graph whose Steiner trees map back to Steiner trees of the
/// original graph, plus the original edges already fixed into every solution and their cost.
/// </summary>
internal sealed class ReducedInstance
{
    private readonly int[][] _edgeOrigin;

    private ReducedInstance(SteinerGraph original, SteinerGraph graph, int[][] edgeOrigin, int[] nodeOrigin, int[] fixedEdges, long fixedCost)
    {
        Original = original;
        Graph = graph;
        _edgeOrigin = edgeOrigin;
        NodeOrigin = nodeOrigin;
        FixedEdges = fixedEdges;
        FixedCost = fixedCost;
    }

    /// <summary>The graph that was reduced.</summary>
    public SteinerGraph Original { get; }

    /// <summary>The reduced graph (compact ids).</summary>
    public SteinerGraph Graph { get; }

    /// <summary>Original node id of every reduced node.</summary>
    public int[] NodeOrigin { get; }

    /// <summary>Original edges fixed into the solution by contractions.</summary>
    public int[] FixedEdges { get; }

    /// <summary>Total weight of <see cref="FixedEdges"/>.</summary>
    public long FixedCost { get; }

    /// <summary>Original edges that reduced edge <paramref name="e"/> stands for.</summary>
    public ReadOnlySpan<int> Origin(int e) => _edgeOrigin[e];

    /// <summary>Maps a tree of the reduced graph to the original edge ids (fixed edges included).</summary>
    public int[] MapBack(IEnumerable<int> reducedEdges)
    {
        ArgumentNullException.ThrowIfNull(reducedEdges);
        var result = new List<int>(FixedEdges);
        foreach (var e in reducedEdges)
        {
            result.AddRange(_edgeOrigin[e]);
        }

        return [.. result];
    }

    /// <summary>
    /// Maps a tree of the reduced graph to a tree of the original: <see cref="MapBack"/>, then, since edges that stand
    /// for paths over one pseudo-eliminated vertex may share an original edge or close a cycle there, each original
    /// edge once, the cheapest spanning forest of them (Kruskal) and no non-terminal leaves. The cost is at most the
    /// reduced tree's plus <see cref="FixedCost"/>, and equal when no two of its edges overlap.
    /// </summary>
    public int[] MapBackTree(IEnumerable<int> reducedEdges) =>
        Heuristics.TreeOps.Pruned(Original, Heuristics.TreeOps.CheapestForest(Original, MapBack(reducedEdges)));

    /// <summary>
    /// This reduction followed by <paramref name="inner"/>, a reduction of this instance's graph: one instance
    /// from the original graph to the inner graph.
    /// </summary>
    public ReducedInstance Compose(ReducedInstance inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!ReferenceEquals(inner.Original, Graph))
        {
            throw new ArgumentException("the inner reduction does not start from this instance's graph", nameof(inner));
        }

        var origins = new int[inner.Graph.EdgeCount][];
        for (var e = 0; e < origins.Length; e++)
        {
            var list = new List<int>();
            foreach (var o in inner.Origin(e))
            {
                list.AddRange(_edgeOrigin[o]);
            }

            origins[e] = [.. list];
        }

        var nodeOrigin = new int[inner.NodeOrigin.Length];
        for (var v = 0; v < nodeOrigin.Length; v++)
        {
            nodeOrigin[v] = NodeOrigin[inner.NodeOrigin[v]];
        }

        var fixedEdges = new List<int>(FixedEdges);
        foreach (var e in inner.FixedEdges)
        {
            fixedEdges.AddRange(_edgeOrigin[e]);
        }

        return new ReducedInstance(Original, inner.Graph, origins, nodeOrigin, [.. fixedEdges], FixedCost + inner.FixedCost);
    }

    /// <summary>Compacts the alive part of <paramref name="g"/>.</summary>
    public static ReducedInstance From(ReductionGraph g)
    {
        var map = new int[g.NodeCapacity];
        var nodeOrigin = new List<int>();
        for (var v = 0; v < g.NodeCapacity; v++)
        {
            map[v] = -1;
            if (g.NodeAlive(v) && (g.Degree(v) > 0 || g.IsTerminal(v)))
            {
                map[v] = nodeOrigin.Count;
                nodeOrigin.Add(v);
            }
        }

        var edges = new List<(int U, int V, long Weight)>();
        var origins = new List<int[]>();
        for (var e = 0; e < g.EdgeCapacity; e++)
        {
            if (g.EdgeAlive(e))
            {
                edges.Add((map[g.U(e)], map[g.V(e)], g.W(e)));
                origins.Add(g.Origin(e));
            }
        }

        var terminals = new List<int>();
        foreach (var v in nodeOrigin)
        {
            if (g.IsTerminal(v))
            {
                terminals.Add(map[v]);
            }
        }

        var graph = new SteinerGraph(nodeOrigin.Count, edges, terminals);
        return new ReducedInstance(g.Original, graph, [.. origins], [.. nodeOrigin], [.. g.FixedEdges], g.FixedCost);
    }
}
