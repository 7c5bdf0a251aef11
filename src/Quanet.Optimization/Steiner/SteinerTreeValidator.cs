using Quanet.Core;
namespace Quanet.Optimization.Steiner;

/// <summary>Checks that a set of edges is a Steiner tree of a graph and recomputes its cost from the graph.</summary>
public static class SteinerTreeValidator
{
    /// <summary>
    /// Validates <paramref name="edges"/> as a tree of <paramref name="graph"/> that spans every terminal:
    /// ids in range and distinct, acyclic, connected, every terminal covered.
    /// </summary>
    /// <returns>The cost recomputed from the graph's weights.</returns>
    /// <exception cref="QuanetException">The edges do not form such a tree; the message says why.</exception>
    public static long Validate(SteinerGraph graph, IReadOnlyList<int> edges)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edges);
        var parent = new int[graph.NodeCount];
        UnionFind.Reset(parent);

        var used = new bool[graph.EdgeCount];
        var inTree = new bool[graph.NodeCount];
        long cost = 0;
        var nodes = 0;
        foreach (var e in edges)
        {
            if ((uint)e >= (uint)graph.EdgeCount)
            {
                throw new QuanetException($"tree check failed: edge id {e} is not in the graph");
            }

            if (used[e])
            {
                throw new QuanetException($"tree check failed: edge {graph.Tail(e) + 1}-{graph.Head(e) + 1} appears twice");
            }

            used[e] = true;
            int a = graph.Tail(e), b = graph.Head(e);
            foreach (var x in (ReadOnlySpan<int>)[a, b])
            {
                if (!inTree[x])
                {
                    inTree[x] = true;
                    nodes++;
                }
            }

            int ra = UnionFind.Find(parent, a), rb = UnionFind.Find(parent, b);
            if (ra == rb)
            {
                throw new QuanetException($"tree check failed: edge {a + 1}-{b + 1} closes a cycle");
            }

            parent[ra] = rb;
            cost += graph.Weight(e);
        }

        if (edges.Count == 0)
        {
            if (graph.TerminalCount > 1)
            {
                throw new QuanetException("tree check failed: no edges but more than one terminal");
            }

            return 0;
        }

        foreach (var t in graph.Terminals)
        {
            if (!inTree[t])
            {
                throw new QuanetException($"tree check failed: terminal {t + 1} is not spanned");
            }
        }

        if (nodes != edges.Count + 1)
        {
            throw new QuanetException("tree check failed: the edges do not form one connected tree");
        }

        return cost;
    }
}
