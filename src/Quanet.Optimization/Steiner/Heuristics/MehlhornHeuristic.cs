namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Mehlhorn's (1988) 2-approximation: Voronoi regions of the terminals by one multi-source Dijkstra, a
/// minimum spanning tree (Kruskal) of the terminals over the boundary edges, each tree edge expanded to
/// its two shortest paths and the boundary edge.
/// </summary>
internal static class MehlhornHeuristic
{
    /// <summary>Marks in <paramref name="mask"/> the nodes of the approximate tree.</summary>
    public static void Run(TreeWorkspace ws, long[] weights, bool[] mask)
    {
        var g = ws.Graph;
        var n = g.NodeCount;
        var dist = ws.Dist;
        var pred = ws.Pred;
        var base_ = ws.Label;
        for (var v = 0; v < n; v++)
        {
            dist[v] = long.MaxValue;
            pred[v] = -1;
            base_[v] = -1;
            mask[v] = false;
        }

        var heap = ws.Heap;
        heap.Clear();
        var terminals = g.Terminals;
        for (var i = 0; i < terminals.Length; i++)
        {
            dist[terminals[i]] = 0;
            base_[terminals[i]] = i;
            heap.Enqueue(terminals[i], 0);
        }

        while (heap.TryDequeue(out var x, out var d))
        {
            if (d != dist[x])
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                var nd = d + weights[e];
                if (nd < dist[y])
                {
                    dist[y] = nd;
                    pred[y] = e;
                    base_[y] = base_[x];
                    heap.Enqueue(y, nd);
                }
            }
        }

        var candidates = new List<(long Key, int Edge)>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            int a = g.Tail(e), b = g.Head(e);
            if (base_[a] >= 0 && base_[b] >= 0 && base_[a] != base_[b])
            {
                candidates.Add((dist[a] + weights[e] + dist[b], e));
            }
        }

        candidates.Sort();
        var parent = new int[terminals.Length];
        UnionFind.Reset(parent);

        mask[terminals[0]] = true;
        var joined = 1;
        foreach (var (_, e) in candidates)
        {
            int a = g.Tail(e), b = g.Head(e);
            int ra = UnionFind.Find(parent, base_[a]), rb = UnionFind.Find(parent, base_[b]);
            if (ra == rb)
            {
                continue;
            }

            parent[ra] = rb;
            MarkPath(g, pred, mask, a);
            MarkPath(g, pred, mask, b);
            if (++joined == terminals.Length)
            {
                break;
            }
        }
    }

    private static void MarkPath(SteinerGraph g, int[] pred, bool[] mask, int x)
    {
        while (true)
        {
            mask[x] = true;
            if (pred[x] < 0)
            {
                return;
            }

            x = g.Other(pred[x], x);
        }
    }
}
