namespace Quanet.Optimization.Steiner.Exact;

/// <summary>The preparation of <see cref="SeparatorDp"/> (weights, regions, distances) and the tree it returns.</summary>
internal sealed partial class SeparatorDp
{
    /// <summary>The edges of the best join, made a tree (an edge used twice is kept once, a cycle broken).</summary>
    private int[] Tree()
    {
        var used = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(_bestEntry);
        if (_bestPartner.A >= 0)
        {
            stack.Push(_bestPartner.A);
            stack.Push(_bestPartner.B);
        }

        while (stack.TryPop(out var e))
        {
            var (a, b) = (_a[e], _b[e]);
            if (a < 0)
            {
                continue;
            }

            stack.Push(a);
            if (b >= 0)
            {
                stack.Push(b);
            }
            else
            {
                used.Add(-2 - b);
            }
        }

        return SpanningTree(used);
    }

    private int[] SpanningTree(HashSet<int> used)
    {
        var edges = used.OrderBy(_g.Weight).ThenBy(e => e).ToArray();
        var parent = new int[_g.NodeCount];
        UnionFind.Reset(parent);
        var tree = new List<int>();
        foreach (var e in edges)
        {
            int a = UnionFind.Find(parent, _g.Tail(e)), b = UnionFind.Find(parent, _g.Head(e));
            if (a != b)
            {
                parent[a] = b;
                tree.Add(e);
            }
        }

        return tree.ToArray();
    }

    /// <summary>The signature region of every node: its place in a breadth-first order, cut into equal runs.</summary>
    private static int[] Regions(SteinerGraph g)
    {
        var n = g.NodeCount;
        var region = new int[n];
        var seen = new bool[n];
        var queue = new Queue<int>();
        var index = 0;
        for (var start = 0; start < n; start++)
        {
            if (seen[start])
            {
                continue;
            }

            seen[start] = true;
            queue.Enqueue(start);
            while (queue.TryDequeue(out var v))
            {
                region[v] = (int)((long)index++ * SubsetTrie.Regions / n);
                foreach (var e in g.IncidentEdges(v))
                {
                    var w = g.Other(e, v);
                    if (!seen[w])
                    {
                        seen[w] = true;
                        queue.Enqueue(w);
                    }
                }
            }
        }

        return region;
    }

    private static (long[] Weight, int Shift) Perturbed(SteinerGraph g)
    {
        // every path and tree weighs at most the total, which must stay far below Infinity once scaled
        var total = 0.0;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            total += g.Weight(e);
        }

        var shift = MaxShift;
        while (shift > 0 && total * Math.Pow(2, shift) >= Infinity >> 4)
        {
            shift--;
        }

        var range = Math.Max(1, (1 << shift) / Math.Max(1, g.NodeCount));
        var weight = new long[g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var mix = (uint)((g.Tail(e) * 73_856_093) ^ (g.Head(e) * 19_349_663) ^ (e * 83_492_791));
            weight[e] = (g.Weight(e) << shift) + (mix % (uint)range);
        }

        return (weight, shift);
    }

    private static long[] ShortestPaths(SteinerGraph g, long[] weight, int source)
    {
        var dist = new long[g.NodeCount];
        Array.Fill(dist, Infinity);
        dist[source] = 0;
        var heap = new PriorityQueue<int, long>();
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out var v, out var d))
        {
            if (d != dist[v])
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(v))
            {
                var w = g.Other(e, v);
                var nd = d + weight[e];
                if (nd < dist[w])
                {
                    dist[w] = nd;
                    heap.Enqueue(w, nd);
                }
            }
        }

        return dist;
    }
}
