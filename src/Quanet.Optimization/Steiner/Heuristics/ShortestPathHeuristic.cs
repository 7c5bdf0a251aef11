namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// The shortest-path heuristic of Takahashi and Matsuyama (1980): start from a root and repeatedly join
/// the terminal nearest to the tree by a shortest path. One Dijkstra serves the whole run: the nodes of a
/// joined path are pushed again at distance 0 and labels only ever decrease.
/// Edge weights may be perturbed (the weights argument) to diversify multi-start runs.
/// </summary>
internal static class ShortestPathHeuristic
{
    /// <summary>Marks in <paramref name="mask"/> the nodes of the tree grown from <paramref name="root"/>.</summary>
    public static void Run(TreeWorkspace ws, int root, long[] weights, bool[] mask)
    {
        var g = ws.Graph;
        var n = g.NodeCount;
        var dist = ws.Dist;
        var pred = ws.Pred;
        for (var v = 0; v < n; v++)
        {
            dist[v] = long.MaxValue;
            pred[v] = -1;
            mask[v] = false;
        }

        var heap = ws.Heap;
        heap.Clear();
        mask[root] = true;
        dist[root] = 0;
        heap.Enqueue(root, 0);
        var remaining = g.TerminalCount - (g.IsTerminal(root) ? 1 : 0);
        while (remaining > 0 && heap.TryDequeue(out var x, out var d))
        {
            if (d != dist[x])
            {
                continue;
            }

            if (g.IsTerminal(x) && !mask[x])
            {
                remaining--;
                var y = x;
                var guard = n;
                while (!mask[y] && guard-- > 0)
                {
                    mask[y] = true;
                    dist[y] = 0;
                    heap.Enqueue(y, 0);
                    y = g.Other(pred[y], y);
                }

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
                    heap.Enqueue(y, nd);
                }
            }
        }
    }
}
