namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The nearest-vertex test of Duin and Volgenant (1989): a terminal t of degree at least 2 whose cheapest edge
/// (t, v) and second cheapest edge c2 satisfy c2 ≥ c(t, v) + d(v, z) for some terminal z other than t has
/// (t, v) in some optimal tree, so the edge is fixed and t contracted into v. The distance is found by a
/// Dijkstra from v that avoids t, stopped at the first terminal or past c2 − c(t, v), or after a scan budget
/// (then the test does not apply); every distance found is a real path, so a contraction is always safe.
/// </summary>
internal static class NearestVertexTest
{
    /// <summary>Runs the test once over the terminals; returns the number of contractions.</summary>
    public static int Apply(ReductionGraph g, int maxScanned = 400)
    {
        var n = g.NodeCapacity;
        var dist = new long[n];
        Array.Fill(dist, long.MaxValue);
        var visited = new List<int>();
        var heap = new PriorityQueue<int, long>();
        var contracted = 0;
        for (var t = 0; t < n && g.TerminalCount > 1; t++)
        {
            if (!g.NodeAlive(t) || !g.IsTerminal(t) || g.Degree(t) < 2)
            {
                continue;
            }

            int first = -1;
            long c1 = long.MaxValue, c2 = long.MaxValue;
            foreach (var e in g.Adjacent(t))
            {
                var w = g.W(e);
                if (w < c1)
                {
                    (c2, c1, first) = (c1, w, e);
                }
                else if (w < c2)
                {
                    c2 = w;
                }
            }

            var v = g.Other(first, t);
            if (g.IsTerminal(v) || Reaches(g, v, t, c2 - c1, dist, visited, heap, maxScanned))
            {
                g.ContractIntoSolution(first, t);
                contracted++;
            }
        }

        return contracted;
    }

    /// <summary>Whether a terminal other than <paramref name="skip"/> lies within <paramref name="limit"/> of <paramref name="source"/>.</summary>
    private static bool Reaches(
        ReductionGraph g, int source, int skip, long limit, long[] dist, List<int> visited, PriorityQueue<int, long> heap, int maxScanned)
    {
        heap.Clear();
        dist[source] = 0;
        visited.Add(source);
        heap.Enqueue(source, 0);
        var scanned = 0;
        var found = false;
        while (heap.TryDequeue(out var x, out var d))
        {
            if (d != dist[x])
            {
                continue;
            }

            if (d > limit)
            {
                break;
            }

            if (g.IsTerminal(x))
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
                var y = g.Other(f, x);
                var nd = d + g.W(f);
                if (y != skip && nd <= limit && nd < dist[y])
                {
                    if (dist[y] == long.MaxValue)
                    {
                        visited.Add(y);
                    }

                    dist[y] = nd;
                    heap.Enqueue(y, nd);
                }
            }
        }

        foreach (var x in visited)
        {
            dist[x] = long.MaxValue;
        }

        visited.Clear();
        return found;
    }
}
