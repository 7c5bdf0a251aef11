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
