using Quanet.Optimization.Steiner;

namespace Quanet.Optimization.Tests.Steiner;

/// <summary>Seeded random instances and a brute-force optimum for small graphs.</summary>
internal static class SteinerTestGraphs
{
    /// <summary>A connected random graph: a random spanning tree plus extra edges, some terminals.</summary>
    public static SteinerGraph Random(int seed, int n, int extraEdges, int terminals, int maxWeight = 10)
    {
        var random = new Random(seed);
        var edges = new List<(int U, int V, long Weight)>();
        for (var v = 1; v < n; v++)
        {
            edges.Add((random.Next(v), v, random.Next(1, maxWeight + 1)));
        }

        for (var i = 0; i < extraEdges; i++)
        {
            var a = random.Next(n);
            var b = random.Next(n);
            if (a != b)
            {
                edges.Add((a, b, random.Next(1, maxWeight + 1)));
            }
        }

        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return new SteinerGraph(n, edges, order.Take(Math.Min(terminals, n)));
    }

    /// <summary>
    /// The optimum by enumerating every set of Steiner nodes and taking the minimum spanning tree of the
    /// induced subgraph on terminals plus that set (exact: some optimal tree is an MST of its node set).
    /// </summary>
    public static long BruteForce(SteinerGraph g)
    {
        var steiner = Enumerable.Range(0, g.NodeCount).Where(v => !g.IsTerminal(v)).ToArray();
        var best = long.MaxValue;
        for (long mask = 0; mask < 1L << steiner.Length; mask++)
        {
            var inSet = new bool[g.NodeCount];
            foreach (var t in g.Terminals)
            {
                inSet[t] = true;
            }

            for (var i = 0; i < steiner.Length; i++)
            {
                if (((mask >> i) & 1) != 0)
                {
                    inSet[steiner[i]] = true;
                }
            }

            var cost = SpanningTreeCost(g, inSet);
            if (cost >= 0 && cost < best)
            {
                best = cost;
            }
        }

        return best;
    }

    /// <summary>
    /// A group Steiner instance in disguise (as PACE 2018 instance101 and others): a random base graph with
    /// light edges, and each terminal joined to a few random base nodes by edges of <paramref name="bigWeight"/>.
    /// </summary>
    public static SteinerGraph Group(int seed, int baseNodes, int terminals, long bigWeight)
    {
        var random = new Random(seed);
        var edges = new List<(int U, int V, long Weight)>();
        for (var v = 1; v < baseNodes; v++)
        {
            edges.Add((random.Next(v), v, random.Next(1, 20)));
        }

        for (var i = 0; i < baseNodes; i++)
        {
            int a = random.Next(baseNodes), b = random.Next(baseNodes);
            if (a != b)
            {
                edges.Add((a, b, random.Next(1, 20)));
            }
        }

        var terminalIds = new List<int>();
        for (var t = 0; t < terminals; t++)
        {
            var id = baseNodes + t;
            terminalIds.Add(id);
            var members = Enumerable.Range(0, baseNodes).OrderBy(_ => random.Next()).Take(random.Next(2, 5));
            foreach (var member in members)
            {
                edges.Add((id, member, bigWeight));
            }
        }

        return new SteinerGraph(baseNodes + terminals, edges, terminalIds);
    }

    /// <summary>
    /// The optimum over trees in which every terminal marked in <paramref name="leaf"/> is a leaf: the minimum
    /// spanning tree of the other chosen nodes plus, per leaf terminal, its lightest edge into them.
    /// </summary>
    public static long BruteForceWithLeaves(SteinerGraph g, bool[] leaf)
    {
        var steiner = Enumerable.Range(0, g.NodeCount).Where(v => !g.IsTerminal(v)).ToArray();
        var best = long.MaxValue;
        for (long mask = 0; mask < 1L << steiner.Length; mask++)
        {
            var core = new bool[g.NodeCount];
            foreach (var t in g.Terminals)
            {
                core[t] = !leaf[t];
            }

            for (var i = 0; i < steiner.Length; i++)
            {
                core[steiner[i]] = ((mask >> i) & 1) != 0;
            }

            if (!core.Any(x => x))
            {
                continue;
            }

            var cost = SpanningTreeCost(g, core);
            foreach (var t in g.Terminals)
            {
                if (cost < 0 || !leaf[t])
                {
                    continue;
                }

                var attach = long.MaxValue;
                foreach (var e in g.IncidentEdges(t))
                {
                    if (core[g.Other(e, t)])
                    {
                        attach = Math.Min(attach, g.Weight(e));
                    }
                }

                cost = attach == long.MaxValue ? -1 : cost + attach;
            }

            if (cost >= 0 && cost < best)
            {
                best = cost;
            }
        }

        return best;
    }

    private static long SpanningTreeCost(SteinerGraph g, bool[] inSet)
    {
        var order = Enumerable.Range(0, g.EdgeCount).Where(e => inSet[g.Tail(e)] && inSet[g.Head(e)]).OrderBy(g.Weight).ToArray();
        var parent = Enumerable.Range(0, g.NodeCount).ToArray();
        int Find(int v) => parent[v] == v ? v : parent[v] = Find(parent[v]);
        long cost = 0;
        var count = inSet.Count(x => x);
        var joined = 1;
        foreach (var e in order)
        {
            int a = Find(g.Tail(e)), b = Find(g.Head(e));
            if (a != b)
            {
                parent[a] = b;
                cost += g.Weight(e);
                joined++;
            }
        }

        return joined == count ? cost : -1;
    }
}
