namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Terminals that are leaves of some optimal tree. Let L be a set of terminals, none adjacent to another
/// terminal, such that for each t in L and any two neighbours u, v of t the shortest u-v path avoiding L is
/// no longer than the heavier of the edges tu, tv. In a tree where t has the neighbours u and v, dropping
/// the heavier edge and adding that path (then breaking any cycle on the path) costs no more, leaves the
/// other members of L untouched and lowers t's degree; repeating gives an optimal tree in which every
/// member of L is a leaf. Transformed group Steiner instances (each group a terminal joined to its members
/// by edges heavier than all others) satisfy it for every terminal, and for them the restriction closes
/// most of the gap of the cut relaxation, whose fractional flows otherwise pass through terminals.
/// </summary>
internal static class LeafTerminals
{
    /// <summary>Terminals of larger degree are not examined (the test runs one search per neighbour).</summary>
    public const int MaxDegree = 32;

    /// <summary>Returns, per node, whether it is a terminal that may be taken to be a leaf.</summary>
    public static bool[] Find(SteinerGraph g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var n = g.NodeCount;
        var leaf = new bool[n];
        foreach (var t in g.Terminals)
        {
            leaf[t] = g.Degree(t) is >= 2 and <= MaxDegree && !HasTerminalNeighbour(g, t);
        }

        // Distances avoid every candidate: dropping candidates later only shortens paths, so the test stays valid.
        var dist = new long[n];
        Array.Fill(dist, long.MaxValue);
        var touched = new List<int>();
        var heap = new PriorityQueue<int, long>();
        var neighbours = new List<(int Node, long Weight)>();
        var result = new bool[n];
        foreach (var t in g.Terminals)
        {
            if (!leaf[t])
            {
                continue;
            }

            Neighbours(g, t, neighbours);
            result[t] = true;
            for (var i = 0; i < neighbours.Count - 1 && result[t]; i++)
            {
                var (u, wu) = neighbours[i];
                long radius = 0;
                for (var j = i + 1; j < neighbours.Count; j++)
                {
                    radius = Math.Max(radius, Math.Max(wu, neighbours[j].Weight));
                }

                Search(g, u, radius, leaf, dist, touched, heap);
                for (var j = i + 1; j < neighbours.Count; j++)
                {
                    if (dist[neighbours[j].Node] > Math.Max(wu, neighbours[j].Weight))
                    {
                        result[t] = false;
                        break;
                    }
                }

                foreach (var v in touched)
                {
                    dist[v] = long.MaxValue;
                }

                touched.Clear();
            }
        }

        return result;
    }

    private static bool HasTerminalNeighbour(SteinerGraph g, int t)
    {
        foreach (var e in g.IncidentEdges(t))
        {
            if (g.IsTerminal(g.Other(e, t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct neighbours of <paramref name="t"/> with the lightest edge to each.</summary>
    private static void Neighbours(SteinerGraph g, int t, List<(int Node, long Weight)> list)
    {
        list.Clear();
        foreach (var e in g.IncidentEdges(t))
        {
            var u = g.Other(e, t);
            var index = list.FindIndex(x => x.Node == u);
            if (index < 0)
            {
                list.Add((u, g.Weight(e)));
            }
            else if (g.Weight(e) < list[index].Weight)
            {
                list[index] = (u, g.Weight(e));
            }
        }
    }

    /// <summary>Dijkstra from <paramref name="source"/> avoiding the candidates, up to <paramref name="radius"/>.</summary>
    private static void Search(SteinerGraph g, int source, long radius, bool[] avoid, long[] dist, List<int> touched, PriorityQueue<int, long> heap)
    {
        heap.Clear();
        dist[source] = 0;
        touched.Add(source);
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out var x, out var d))
        {
            if (d != dist[x])
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                var nd = d + g.Weight(e);
                if (avoid[y] || nd > radius || nd >= dist[y])
                {
                    continue;
                }

                if (dist[y] == long.MaxValue)
                {
                    touched.Add(y);
                }

                dist[y] = nd;
                heap.Enqueue(y, nd);
            }
        }
    }
}
