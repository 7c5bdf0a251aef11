namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// A fast special-distance test over all edges at once (after Duin and Volgenant 1989 and the Voronoi
/// bounds of Polzin and Vahdati Daneshmand 2001): with the Voronoi regions of the terminals and the
/// minimum spanning tree of the terminal distance network (built from boundary edges as in Mehlhorn
/// 1988), the special distance of an edge (u, v) is at most max(d(u, base u), d(v, base v), bottleneck of
/// base u to base v in that tree). An edge strictly longer than the bound is deleted; strictness means
/// the bounding walk cannot use the edge itself, so all deletions of a pass are safe together.
/// </summary>
internal static class TerminalDistanceTest
{
    /// <summary>Runs the test; returns the number of edges deleted.</summary>
    public static int Apply(ReductionGraph g)
    {
        var n = g.NodeCapacity;
        var dist = new long[n];
        var baseOf = new int[n];
        Array.Fill(dist, long.MaxValue);
        Array.Fill(baseOf, -1);
        var terminals = new List<int>();
        var index = new int[n];
        var heap = new PriorityQueue<int, long>();
        for (var v = 0; v < n; v++)
        {
            if (g.NodeAlive(v) && g.IsTerminal(v))
            {
                index[v] = terminals.Count;
                terminals.Add(v);
                dist[v] = 0;
                baseOf[v] = index[v];
                heap.Enqueue(v, 0);
            }
        }

        var k = terminals.Count;
        if (k < 2 || k > 2000)
        {
            return 0;
        }

        while (heap.TryDequeue(out var x, out var d))
        {
            if (d != dist[x])
            {
                continue;
            }

            foreach (var e in g.Adjacent(x))
            {
                var y = g.Other(e, x);
                var nd = d + g.W(e);
                if (nd < dist[y])
                {
                    dist[y] = nd;
                    baseOf[y] = baseOf[x];
                    heap.Enqueue(y, nd);
                }
            }
        }

        // Kruskal over boundary edges: the MST of the terminal distance network.
        var boundary = new List<(long Key, int A, int B)>();
        for (var e = 0; e < g.EdgeCapacity; e++)
        {
            if (!g.EdgeAlive(e))
            {
                continue;
            }

            int a = g.U(e), b = g.V(e);
            if (baseOf[a] >= 0 && baseOf[b] >= 0 && baseOf[a] != baseOf[b])
            {
                boundary.Add((dist[a] + g.W(e) + dist[b], baseOf[a], baseOf[b]));
            }
        }

        boundary.Sort();
        var parent = new int[k];
        UnionFind.Reset(parent);

        var treeAdj = new List<(int To, long W)>[k];
        for (var i = 0; i < k; i++)
        {
            treeAdj[i] = [];
        }

        foreach (var (key, a, b) in boundary)
        {
            int ra = UnionFind.Find(parent, a), rb = UnionFind.Find(parent, b);
            if (ra != rb)
            {
                parent[ra] = rb;
                treeAdj[a].Add((b, key));
                treeAdj[b].Add((a, key));
            }
        }

        // Bottleneck between every pair of terminals along the tree.
        var bottleneck = new long[k, k];
        var stack = new Stack<int>();
        var seen = new bool[k];
        for (var s = 0; s < k; s++)
        {
            Array.Clear(seen);
            for (var t = 0; t < k; t++)
            {
                bottleneck[s, t] = long.MaxValue;
            }

            bottleneck[s, s] = 0;
            seen[s] = true;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                foreach (var (y, w) in treeAdj[x])
                {
                    if (!seen[y])
                    {
                        seen[y] = true;
                        bottleneck[s, y] = Math.Max(bottleneck[s, x], w);
                        stack.Push(y);
                    }
                }
            }
        }

        var deleted = 0;
        for (var e = 0; e < g.EdgeCapacity; e++)
        {
            if (!g.EdgeAlive(e))
            {
                continue;
            }

            int a = g.U(e), b = g.V(e);
            if (baseOf[a] < 0 || baseOf[b] < 0)
            {
                continue;
            }

            var bound = Math.Max(Math.Max(dist[a], dist[b]), bottleneck[baseOf[a], baseOf[b]]);
            if (bound < g.W(e))
            {
                g.DeleteEdge(e);
                deleted++;
            }
        }

        return deleted;
    }
}
