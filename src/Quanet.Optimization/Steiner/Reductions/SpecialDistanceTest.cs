namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The special-distance (bottleneck Steiner distance) test of Duin and Volgenant (1989), which includes
/// the long-edge test: an edge (u, v) can be deleted when some other u–v path has every
/// terminal-to-terminal segment no longer than the edge. A bounded Dijkstra from u (without the edge)
/// (bounded by the number of edges scanned) whose label is the largest segment so far, with the running segment reset at terminals, finds such
/// paths; every label is realised by a real path, so it is an upper bound of the special distance and
/// the deletion is always safe. Edges are deleted one at a time on the current graph, so ties are safe.
/// </summary>
internal static class SpecialDistanceTest
{
    /// <summary>Runs the test over every edge once; returns the number of edges deleted.</summary>
    public static int Apply(ReductionGraph g, int maxScanned = 600)
    {
        var n = g.NodeCapacity;
        var bottleneck = new long[n];
        var segment = new long[n];
        var visited = new List<int>();
        var heap = new PriorityQueue<int, long>();
        Array.Fill(bottleneck, long.MaxValue);
        var deleted = 0;
        var edgeCount = g.EdgeCapacity;
        for (var e = 0; e < edgeCount; e++)
        {
            if (!g.EdgeAlive(e))
            {
                continue;
            }

            int u = g.U(e), v = g.V(e);
            if (g.Degree(u) > g.Degree(v))
            {
                (u, v) = (v, u);
            }

            if (Reaches(g, e, u, v, g.W(e), bottleneck, segment, visited, heap, maxScanned))
            {
                g.DeleteEdge(e);
                deleted++;
            }
        }

        return deleted;
    }

    private static bool Reaches(
        ReductionGraph g, int skip, int source, int target, long limit,
        long[] bottleneck, long[] segment, List<int> visited, PriorityQueue<int, long> heap, int maxScanned)
    {
        heap.Clear();
        bottleneck[source] = 0;
        segment[source] = 0;
        visited.Add(source);
        heap.Enqueue(source, 0);
        var scanned = 0;
        var found = false;
        while (heap.TryDequeue(out var x, out var key))
        {
            if (key != Math.Max(bottleneck[x], segment[x]))
            {
                continue;
            }

            if (key > limit)
            {
                break;
            }

            if (x == target)
            {
                found = true;
                break;
            }

            scanned += g.Degree(x);
            if (scanned > maxScanned)
            {
                break;
            }

            foreach (var f in g.Adjacent(x))
            {
                if (f == skip)
                {
                    continue;
                }

                var y = g.Other(f, x);
                var seg = segment[x] + g.W(f);
                var bott = Math.Max(bottleneck[x], seg);
                if (bott > limit)
                {
                    continue;
                }

                long newSeg = g.IsTerminal(y) || y == target ? 0 : seg;
                var newBott = g.IsTerminal(y) || y == target ? bott : bottleneck[x];
                var newKey = Math.Max(newBott, newSeg);
                var oldKey = bottleneck[y] == long.MaxValue ? long.MaxValue : Math.Max(bottleneck[y], segment[y]);
                if (newKey < oldKey || (newKey == oldKey && newSeg < segment[y]))
                {
                    if (bottleneck[y] == long.MaxValue)
                    {
                        visited.Add(y);
                    }

                    bottleneck[y] = newBott;
                    segment[y] = newSeg;
                    heap.Enqueue(y, newKey);
                }
            }
        }

        foreach (var x in visited)
        {
            bottleneck[x] = long.MaxValue;
        }

        visited.Clear();
        return found;
    }
}
