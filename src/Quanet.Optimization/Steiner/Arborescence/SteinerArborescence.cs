namespace Quanet.Optimization.Steiner.Arborescence;

/// <summary>
/// The minimum-cost Steiner arborescence: a set of arcs of a directed graph in which every terminal is
/// reached from the root by exactly one path. Solved exactly with the directed cut formulation (Wong 1984)
/// and the pieces of the undirected exact solver: the digraph is held as a <see cref="SteinerGraph"/> whose
/// edge e is arc e with its reverse direction forbidden, dual ascent and reduced-cost fixing against a
/// shortest-path incumbent, a cutting-plane loop with maximum-flow separation (GLOP), then SCIP on the
/// model with its cuts, re-solved with new cuts while its solution misses a terminal. Intended for
/// directed graphs of up to some thousands of arcs, such as the layered graphs of hop-constrained trees
/// (Gouveia, Simonetti and Uchoa, Math. Program. 128, 2011), whose cut relaxation is strong.
/// </summary>
public static partial class SteinerArborescence
{
    /// <summary>Solves the instance; returns null when some terminal cannot be reached from the root.</summary>
    /// <param name="nodeCount">Number of nodes (ids 0..nodeCount-1).</param>
    /// <param name="arcs">Arcs as (tail, head, cost), cost a non-negative integer; parallel arcs are allowed.</param>
    /// <param name="root">The root.</param>
    /// <param name="terminals">Nodes to reach (the root among them is ignored).</param>
    /// <param name="timeLimit">Wall-clock limit; at expiry the best arborescence found is returned with the bound proven so far.</param>
    /// <param name="time">Clock; null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="start">
    /// Arc ids of a known solution (a good one makes reduced-cost fixing exclude more arcs); used when it reaches
    /// every terminal from the root and is cheaper than the shortest-path arborescence, ignored otherwise. Null for none.
    /// </param>
    /// <exception cref="ArgumentException">A node id is out of range, a cost is negative or an arc is a self-loop.</exception>
    public static ArborescenceSolution? Solve(
        int nodeCount, IReadOnlyList<(int Tail, int Head, long Cost)> arcs, int root, IReadOnlyList<int> terminals, TimeSpan timeLimit, TimeProvider? time = null,
        IReadOnlyList<int>? start = null)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        ArgumentNullException.ThrowIfNull(terminals);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, nodeCount);
        time ??= TimeProvider.System;
        var deadline = time.GetTimestamp() + (long)(Math.Max(0, timeLimit.TotalSeconds) * time.TimestampFrequency);
        var g = new SteinerGraph(nodeCount, arcs, terminals.Append(root));
        var incumbent = ShortestPathArborescence(g, root);
        if (incumbent is null)
        {
            return null;
        }

        var cost = g.CostOf(incumbent);
        if (start is not null)
        {
            var value = new double[2 * g.EdgeCount];
            foreach (var k in start)
            {
                value[2 * k] = 1.0;
            }

            if (TryArborescence(g, root, value, out var given, out var givenCost) && givenCost < cost)
            {
                (incumbent, cost) = (given, givenCost);
            }
        }

        if (g.TerminalCount <= 1 || cost == 0)
        {
            return new ArborescenceSolution(incumbent, cost, cost, true, 0);
        }

        var result = Exact(g, root, incumbent, cost, time, deadline);
        Array.Sort(result.Edges);
        return new ArborescenceSolution(result.Edges, result.Cost, result.LowerBound, result.Optimal, result.Cuts);
    }

    /// <summary>
    /// The arcs of the shortest paths (Dijkstra over arc directions) from the root to the terminals, which
    /// form an arborescence whose leaves are terminals; null when a terminal is unreachable.
    /// </summary>
    private static int[]? ShortestPathArborescence(SteinerGraph g, int root)
    {
        var dist = new long[g.NodeCount];
        var parent = new int[g.NodeCount];
        Array.Fill(dist, long.MaxValue);
        Array.Fill(parent, -1);
        var heap = new PriorityQueue<int, long>();
        dist[root] = 0;
        heap.Enqueue(root, 0);
        while (heap.TryDequeue(out var v, out var d))
        {
            if (d != dist[v])
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Head(e);
                if (g.Tail(e) == v && d + g.Weight(e) < dist[u])
                {
                    dist[u] = d + g.Weight(e);
                    parent[u] = e;
                    heap.Enqueue(u, dist[u]);
                }
            }
        }

        var used = new bool[g.NodeCount];
        var tree = new List<int>();
        foreach (var t in g.Terminals)
        {
            if (dist[t] == long.MaxValue)
            {
                return null;
            }

            for (var v = t; v != root && !used[v]; v = g.Tail(parent[v]))
            {
                used[v] = true;
                tree.Add(parent[v]);
            }
        }

        return [.. tree];
    }

    /// <summary>
    /// The arborescence in the support of <paramref name="value"/> (arc 2e = arc e): nodes reached from the
    /// root over arcs above one half, each entered by the first such arc found, with non-terminal leaves
    /// pruned; false when a terminal is not reached.
    /// </summary>
    private static bool TryArborescence(SteinerGraph g, int root, double[] value, out int[] arcs, out long cost)
    {
        var parent = new int[g.NodeCount];
        var children = new int[g.NodeCount];
        Array.Fill(parent, -1);
        var reached = new bool[g.NodeCount];
        var order = new List<int> { root };
        reached[root] = true;
        for (var i = 0; i < order.Count; i++)
        {
            var v = order[i];
            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Head(e);
                if (g.Tail(e) == v && !reached[u] && value[2 * e] > 0.5)
                {
                    reached[u] = true;
                    parent[u] = e;
                    children[v]++;
                    order.Add(u);
                }
            }
        }

        arcs = [];
        cost = 0;
        foreach (var t in g.Terminals)
        {
            if (!reached[t])
            {
                return false;
            }
        }

        // Prune in reverse discovery order: a non-terminal without children leaves, and its parent loses a child.
        var kept = new List<int>();
        for (var i = order.Count - 1; i > 0; i--)
        {
            var v = order[i];
            if (children[v] == 0 && !g.IsTerminal(v))
            {
                children[g.Tail(parent[v])]--;
                continue;
            }

            kept.Add(parent[v]);
            cost += g.Weight(parent[v]);
        }

        arcs = [.. kept];
        return true;
    }
}
