using Quanet.Optimization.Collections;

namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The special-distance test of Duin and Volgenant (1989) computed exactly: the special distance s(u, v) is the
/// bottleneck distance from u to v in the complete distance network on the terminals and u and v, and an edge
/// (u, v) longer than s(u, v) lies in no minimal Steiner tree. From every node u a search bounded by u's longest
/// edge runs over real paths until it meets a terminal, and from a terminal over the precomputed distances to the
/// other terminals and to u's neighbours. Ties are broken by a perturbation that keeps every optimum of the
/// perturbed instance optimal for the given one (weights scaled by 2^S less 2 at a terminal end and 1 at another
/// end, with 2^S above four times the nodes), so edges whose special distance equals their weight go as well; the
/// deletions of one pass are strict on that one instance and therefore safe together. Where the terminal distance
/// table would be too large the test does nothing (the bounded path search of <see cref="SpecialDistanceTest"/>
/// covers those graphs); a search that has looked at <see cref="MaxScanned"/> edges stops.
/// </summary>
internal static class BottleneckDistanceTest
{
    /// <summary>Entries (terminals times nodes) of the distance table at most.</summary>
    public const long MaxTable = 6_000_000;

    /// <summary>
    /// Edges and distances one search looks at, at most: it then stops, and what it found so far still bounds the
    /// special distances from above (every label is the bottleneck of a real walk), so its deletions stay safe.
    /// </summary>
    public const int MaxScanned = 2000;

    /// <summary>Whether the test runs on <paramref name="g"/> (the table fits).</summary>
    public static bool Applicable(ReductionGraph g) => (long)g.TerminalCount * g.NodeCapacity <= MaxTable && g.TerminalCount >= 2;

    /// <summary>
    /// Runs the test over every edge with an id of at least <paramref name="firstEdge"/> once (every edge when 0);
    /// returns the number of edges deleted.
    /// </summary>
    public static int Apply(ReductionGraph g, int firstEdge = 0)
    {
        if (!Applicable(g))
        {
            return 0;
        }

        var n = g.NodeCapacity;
        var terminals = new List<int>();
        var index = new int[n];
        Array.Fill(index, -1);
        for (var v = 0; v < n; v++)
        {
            if (g.NodeAlive(v) && g.IsTerminal(v))
            {
                index[v] = terminals.Count;
                terminals.Add(v);
            }
        }

        var weight = Perturbed(g);
        long maxWeight = 0;
        for (var e = firstEdge; e < weight.Length; e++)
        {
            maxWeight = g.EdgeAlive(e) ? Math.Max(maxWeight, weight[e]) : maxWeight;
        }

        if (maxWeight == 0)
        {
            return 0;
        }

        // distances from the terminals below the longest edge (a longer one never proves anything), each made when a
        // search first reaches the terminal
        var rows = new TerminalRows(g, terminals, weight, maxWeight);
        var heap = new PriorityQueue<int, long>();
        var dist = new long[n];
        Array.Fill(dist, long.MaxValue);
        var visited = new List<int>();
        var dead = new List<int>();
        for (var s = 0; s < n; s++)
        {
            if (g.NodeAlive(s) && g.Degree(s) > 0)
            {
                Search(g, s, firstEdge, weight, rows, index, terminals, dist, visited, heap, dead);
            }
        }

        foreach (var e in dead)
        {
            if (g.EdgeAlive(e))
            {
                g.DeleteEdge(e);
            }
        }

        return dead.Count;
    }

    // the bottleneck distances from s to its higher-numbered neighbours; edges from firstEdge on longer than theirs go
    // to dead
    private static void Search(ReductionGraph g, int s, int firstEdge, long[] weight, TerminalRows rows, int[] index, List<int> terminals,
        long[] dist, List<int> visited, PriorityQueue<int, long> heap, List<int> dead)
    {
        long bound = 0;
        foreach (var e in g.Adjacent(s))
        {
            bound = e >= firstEdge && g.Other(e, s) > s ? Math.Max(bound, weight[e]) : bound;
        }

        if (bound == 0)
        {
            return;
        }

        heap.Clear();
        dist[s] = 0;
        visited.Add(s);
        heap.Enqueue(s, 0);
        var scanned = 0;
        while (scanned < MaxScanned && heap.TryDequeue(out var x, out var dx))
        {
            if (dx != dist[x])
            {
                continue;
            }

            scanned += g.Degree(x);

            var i = index[x];
            if (i >= 0)
            {
                // a terminal: on to s's neighbours and the other terminals over the distance network
                var row = rows.Row(i);
                foreach (var e in g.Adjacent(s))
                {
                    var v = g.Other(e, s);
                    if (v > s && row[v] != long.MaxValue)
                    {
                        Lower(v, Math.Max(dx, row[v]), dist, visited);
                    }
                }

                foreach (var (d, j) in rows.Near(i))
                {
                    if (d >= bound)
                    {
                        break;
                    }

                    scanned++;
                    var t = terminals[j];
                    if (Lower(t, Math.Max(dx, d), dist, visited))
                    {
                        heap.Enqueue(t, dist[t]);
                    }
                }

                continue;
            }

            foreach (var f in g.Adjacent(x))
            {
                var y = g.Other(f, x);
                var dy = dx + weight[f];
                if (dy < bound && Lower(y, dy, dist, visited))
                {
                    heap.Enqueue(y, dy);
                }
            }
        }

        foreach (var e in g.Adjacent(s))
        {
            var v = g.Other(e, s);
            if (e >= firstEdge && v > s && weight[e] > dist[v])
            {
                dead.Add(e);
            }
        }

        foreach (var x in visited)
        {
            dist[x] = long.MaxValue;
        }

        visited.Clear();
    }

    /// <summary>
    /// Shortest-path distances under <paramref name="weight"/> (by edge id) from every terminal, row i for terminal i,
    /// those below <paramref name="limit"/> only; long.MaxValue where none is.
    /// </summary>
    internal static long[] TerminalDistances(ReductionGraph g, List<int> terminals, long[] weight, long limit)
    {
        var n = g.NodeCapacity;
        var table = new long[(long)terminals.Count * n];
        var heap = new DistanceHeap<long>();
        for (var i = 0; i < terminals.Count; i++)
        {
            TerminalRows.Fill(g, terminals[i], weight, limit, table.AsSpan(i * n, n), heap);
        }

        return table;
    }

    /// <summary>
    /// Lowers <paramref name="v"/>'s label in <paramref name="dist"/> to <paramref name="d"/> if that is lower, noting
    /// in <paramref name="visited"/> the nodes labelled for the first time (to reset them after the search).
    /// </summary>
    internal static bool Lower(int v, long d, long[] dist, List<int> visited)
    {
        if (d >= dist[v])
        {
            return false;
        }

        if (dist[v] == long.MaxValue)
        {
            visited.Add(v);
        }

        dist[v] = d;
        return true;
    }

    /// <summary>
    /// The weights scaled by 2^S less 2 at each terminal end and 1 at each other end; the plain weights when they
    /// are too large to scale or some are zero.
    /// </summary>
    internal static long[] Perturbed(ReductionGraph g)
    {
        long total = 0;
        var zero = false;
        var nodes = g.AliveNodeCount();
        for (var e = 0; e < g.EdgeCapacity; e++)
        {
            if (g.EdgeAlive(e))
            {
                total = total > (long.MaxValue / 4) - g.W(e) ? long.MaxValue / 4 : total + g.W(e);
                zero |= g.W(e) == 0;
            }
        }

        // 2^S above 4 n: a tree's perturbation (at most 4 per edge) never reverses a difference of 1
        var shift = 2;
        while ((1L << shift) <= 4L * nodes)
        {
            shift++;
        }

        var scale = !zero && total < (1L << (60 - shift)) ? shift : 0;
        var weight = new long[g.EdgeCapacity];
        for (var e = 0; e < weight.Length; e++)
        {
            if (g.EdgeAlive(e))
            {
                weight[e] = scale == 0 ? g.W(e)
                    : (g.W(e) << scale) - (g.IsTerminal(g.U(e)) ? 2 : 1) - (g.IsTerminal(g.V(e)) ? 2 : 1);
            }
        }

        return weight;
    }
}
