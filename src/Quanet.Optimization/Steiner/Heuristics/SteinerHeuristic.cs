namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Multi-start heuristic: Mehlhorn's tree and shortest-path trees from every terminal root (then from
/// random roots on randomly perturbed weights), each improved by <see cref="LocalSearch"/>; the best tree wins.
/// Deterministic for a given seed and amount of work.
/// </summary>
internal static class SteinerHeuristic
{
    /// <summary>Finds a good tree of <paramref name="graph"/>; returns its edges (ids of <paramref name="graph"/>) and cost.</summary>
    public static (int[] Edges, long Cost) Solve(SteinerGraph graph, int seed, Func<bool> expired, int maxStarts = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.TerminalCount <= 1)
        {
            return ([], 0);
        }

        var search = new LocalSearch(graph);
        var ws = search.Workspace;
        var n = graph.NodeCount;
        var weights = new long[graph.EdgeCount];
        for (var e = 0; e < weights.Length; e++)
        {
            weights[e] = graph.Weight(e);
        }

        var mask = new bool[n];
        var nodes = new List<int>();
        var edges = new List<int>();
        int[] bestEdges = [];
        var bestCost = long.MaxValue;

        void Finish()
        {
            nodes.Clear();
            for (var v = 0; v < n; v++)
            {
                if (mask[v])
                {
                    nodes.Add(v);
                }
            }

            var cost = TreeOps.Build(ws, mask, nodes, edges);
            if (cost < 0)
            {
                return;
            }

            cost = search.Improve(mask, nodes, edges, cost, expired);
            if (cost < bestCost)
            {
                bestCost = cost;
                bestEdges = [.. edges];
            }

            foreach (var v in nodes)
            {
                mask[v] = false;
            }
        }

        MehlhornHeuristic.Run(ws, weights, mask);
        Finish();
        var random = new Random(seed);
        var terminals = graph.Terminals.ToArray();
        random.Shuffle(terminals);
        var starts = 1;
        foreach (var root in terminals)
        {
            if (expired() || starts >= maxStarts)
            {
                return (bestEdges, bestCost);
            }

            ShortestPathHeuristic.Run(ws, root, weights, mask);
            Finish();
            starts++;
        }

        // Perturbed restarts: weights scaled by a random factor in [1, 1.25) diversify the trees found.
        while (!expired() && starts < maxStarts && starts < 50 + (2 * terminals.Length))
        {
            for (var e = 0; e < weights.Length; e++)
            {
                weights[e] = (long)(graph.Weight(e) * (1.0 + (0.25 * random.NextDouble())));
            }

            var root = random.Next(2) == 0 ? terminals[random.Next(terminals.Length)] : random.Next(n);
            if (graph.Degree(root) == 0)
            {
                continue;
            }

            if (random.Next(3) == 0)
            {
                MehlhornHeuristic.Run(ws, weights, mask);
            }
            else
            {
                ShortestPathHeuristic.Run(ws, root, weights, mask);
            }

            Finish();
            starts++;
        }

        return (bestEdges, bestCost);
    }
}
