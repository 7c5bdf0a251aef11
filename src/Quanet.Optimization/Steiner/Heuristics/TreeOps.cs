namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Turns a node set into a Steiner tree: minimum spanning tree of the induced subgraph (Prim), then
/// repeated removal of non-terminal leaves. Both steps never increase the cost, which is why every
/// heuristic here ends with them.
/// </summary>
internal static class TreeOps
{
    /// <summary>
    /// Builds the tree on <paramref name="mask"/>, whose true entries are all listed in <paramref name="nodes"/>;
    /// both are updated to the tree's nodes and <paramref name="edges"/> receives its edges. Returns the
    /// cost, or -1 if a terminal cannot be reached (then mask and nodes are left as they were).
    /// </summary>
    public static long Build(TreeWorkspace ws, bool[] mask, List<int> nodes, List<int> edges)
    {
        var g = ws.Graph;
        edges.Clear();
        var terminals = g.Terminals;
        if (terminals.Length == 0)
        {
            return 0;
        }

        var dist = ws.Dist;
        var pred = ws.Pred;
        var done = ws.Flag;
        foreach (var v in nodes)
        {
            dist[v] = long.MaxValue;
            pred[v] = -1;
            done[v] = false;
        }

        var heap = ws.Heap;
        heap.Clear();
        var root = terminals[0];
        dist[root] = 0;
        heap.Enqueue(root, 0);
        while (heap.TryDequeue(out var x, out var d))
        {
            if (done[x] || d != dist[x])
            {
                continue;
            }

            done[x] = true;
            if (pred[x] >= 0)
            {
                edges.Add(pred[x]);
            }

            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                if (!mask[y] || done[y])
                {
                    continue;
                }

                var w = g.Weight(e);
                if (w < dist[y])
                {
                    dist[y] = w;
                    pred[y] = e;
                    heap.Enqueue(y, w);
                }
            }
        }

        foreach (var t in terminals)
        {
            if (!done[t])
            {
                foreach (var v in nodes)
                {
                    done[v] = false;
                }

                return -1;
            }
        }

        foreach (var v in nodes)
        {
            mask[v] = done[v];
            done[v] = false;
        }

        var cost = Prune(ws, mask, edges);
        nodes.Clear();
        if (edges.Count == 0)
        {
            nodes.Add(root);
            mask[root] = true;
        }

        foreach (var e in edges)
        {
            foreach (var x in (ReadOnlySpan<int>)[g.Tail(e), g.Head(e)])
            {
                if (mask[x] && !done[x])
                {
                    done[x] = true;
                    nodes.Add(x);
                }
            }
        }

        foreach (var v in nodes)
        {
            done[v] = false;
        }

        return cost;
    }

    /// <summary>
    /// The cheapest spanning forest (Kruskal, ties by edge id) of the subgraph of <paramref name="graph"/> formed by
    /// <paramref name="edges"/>, each taken once.
    /// </summary>
    public static List<int> CheapestForest(SteinerGraph graph, IEnumerable<int> edges)
    {
        var sorted = edges.Distinct().ToArray();
        Array.Sort(sorted, (a, b) => graph.Weight(a) != graph.Weight(b) ? graph.Weight(a).CompareTo(graph.Weight(b)) : a.CompareTo(b));
        var parent = new int[graph.NodeCount];
        UnionFind.Reset(parent);
        var forest = new List<int>(sorted.Length);
        foreach (var e in sorted)
        {
            int a = UnionFind.Find(parent, graph.Tail(e)), b = UnionFind.Find(parent, graph.Head(e));
            if (a != b)
            {
                parent[a] = b;
                forest.Add(e);
            }
        }

        return forest;
    }

    /// <summary>The tree <paramref name="edges"/> of <paramref name="graph"/> without its non-terminal leaves (<see cref="Prune"/>).</summary>
    public static int[] Pruned(SteinerGraph graph, IEnumerable<int> edges)
    {
        var kept = new List<int>(edges);
        Prune(new TreeWorkspace(graph), new bool[graph.NodeCount], kept);
        return [.. kept];
    }

    /// <summary>Removes non-terminal leaves until none is left; returns the remaining cost.</summary>
    public static long Prune(TreeWorkspace ws, bool[] mask, List<int> edges)
    {
        var g = ws.Graph;
        var degree = ws.Degree;
        var alive = ws.EdgeMark;
        foreach (var e in edges)
        {
            degree[g.Tail(e)] = 0;
            degree[g.Head(e)] = 0;
        }

        foreach (var e in edges)
        {
            degree[g.Tail(e)]++;
            degree[g.Head(e)]++;
            alive[e] = true;
        }

        var stack = ws.Stack;
        stack.Clear();
        foreach (var e in edges)
        {
            foreach (var x in (ReadOnlySpan<int>)[g.Tail(e), g.Head(e)])
            {
                if (degree[x] == 1 && !g.IsTerminal(x))
                {
                    stack.Add(x);
                }
            }
        }

        while (stack.Count > 0)
        {
            var x = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (degree[x] != 1)
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(x))
            {
                if (!alive[e])
                {
                    continue;
                }

                alive[e] = false;
                degree[x] = 0;
                mask[x] = false;
                var y = g.Other(e, x);
                degree[y]--;
                if (degree[y] == 1 && !g.IsTerminal(y))
                {
                    stack.Add(y);
                }

                break;
            }
        }

        long cost = 0;
        var keep = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            if (alive[e])
            {
                edges[keep++] = e;
                cost += g.Weight(e);
                alive[e] = false;
            }
        }

        edges.RemoveRange(keep, edges.Count - keep);
        return cost;
    }
}
