namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Reduced-cost fixing with the dual-ascent solution (Polzin and Vahdati Daneshmand 2001): every tree that
/// uses arc (u, v) costs at least LB + d(root, u) + rc(u, v) + d(v, nearest terminal), distances over
/// reduced costs; arcs (and nodes) whose bound reaches the incumbent's cost cannot be in a strictly better
/// tree and are excluded. The incumbent stays the fallback, so the optimum is never lost.
/// </summary>
internal static class ReducedCostFixing
{
    /// <summary>Returns, per arc, whether it may be used in a tree cheaper than <paramref name="upperBound"/>.</summary>
    public static bool[] UsableArcs(SteinerGraph g, DualAscent dual, long upperBound, out int excluded)
    {
        var rc = dual.ReducedCost;
        var fromRoot = Dijkstra(g, rc, [dual.Root], forward: true);
        var toTerminal = Dijkstra(g, rc, g.Terminals.ToArray(), forward: false);
        var usable = new bool[rc.Length];
        excluded = 0;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            int a = g.Tail(e), b = g.Head(e);
            usable[2 * e] = Bound(dual.LowerBound, fromRoot[a], rc[2 * e], toTerminal[b]) < upperBound && b != dual.Root;
            usable[(2 * e) + 1] = Bound(dual.LowerBound, fromRoot[b], rc[(2 * e) + 1], toTerminal[a]) < upperBound && a != dual.Root;
            excluded += (usable[2 * e] ? 0 : 1) + (usable[(2 * e) + 1] ? 0 : 1);
        }

        return usable;
    }

    private static long Bound(long lb, long a, long b, long c)
    {
        if (a == long.MaxValue || c == long.MaxValue || b >= DualAscent.Forbidden)
        {
            return long.MaxValue;
        }

        return lb + a + b + c;
    }

    /// <summary>Distances over reduced costs from the sources (forward) or to them (backward).</summary>
    private static long[] Dijkstra(SteinerGraph g, long[] rc, int[] sources, bool forward)
    {
        var dist = new long[g.NodeCount];
        Array.Fill(dist, long.MaxValue);
        var heap = new PriorityQueue<int, long>();
        foreach (var s in sources)
        {
            dist[s] = 0;
            heap.Enqueue(s, 0);
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
                var arc = forward ? DualAscent.ArcOutOf(g, e, x) : DualAscent.ArcInto(g, e, x);
                if (rc[arc] >= DualAscent.Forbidden)
                {
                    continue;
                }

                var nd = d + rc[arc];
                if (nd < dist[y])
                {
                    dist[y] = nd;
                    heap.Enqueue(y, nd);
                }
            }
        }

        return dist;
    }
}
