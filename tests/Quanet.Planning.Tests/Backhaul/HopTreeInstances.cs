namespace Quanet.Planning.Tests.Backhaul;

/// <summary>Small random hop-limited backhaul instances and an independent optimum and depth check for them.</summary>
internal static class HopTreeInstances
{
    /// <summary>Routes of a random graph on sites and PoPs (no PoP-PoP routes), costs 1..20.</summary>
    internal static List<(int A, int B, double Cost)> RandomRoutes(Random random, int sites, int pops)
    {
        var routes = new List<(int A, int B, double Cost)>();
        for (var a = 0; a < sites + pops; a++)
        {
            for (var b = a + 1; b < sites + pops; b++)
            {
                if (b < sites && random.NextDouble() < 0.6 || a < sites && b >= sites && random.NextDouble() < 0.5)
                {
                    routes.Add((a, b, random.Next(1, 21)));
                }
            }
        }

        return routes;
    }

    /// <summary>The optimum by trying every parent route for every site; null when no choice is a hop-limited forest.</summary>
    internal static double? Enumerate(int sites, List<(int A, int B, double Cost)> routes, int limit)
    {
        var options = new List<int>[sites];
        for (var s = 0; s < sites; s++)
        {
            options[s] = [.. Enumerable.Range(0, routes.Count).Where(r => routes[r].A == s || routes[r].B == s)];
            if (options[s].Count == 0)
            {
                return null;
            }
        }

        double? best = null;
        var choice = new int[sites];
        void Recurse(int s)
        {
            if (s == sites)
            {
                var chosen = choice.Select((r, site) => (r, site)).ToList();
                var parent = new int[sites];
                foreach (var (r, site) in chosen)
                {
                    parent[site] = routes[r].A == site ? routes[r].B : routes[r].A;
                }

                var ok = true;
                for (var site = 0; site < sites && ok; site++)
                {
                    var depth = 0;
                    var v = site;
                    while (v < sites && depth <= limit)
                    {
                        v = parent[v];
                        depth++;
                    }

                    ok = v >= sites && depth <= limit;
                }

                var cost = choice.Sum(r => routes[r].Cost);
                if (ok && (best is null || cost < best))
                {
                    best = cost;
                }

                return;
            }

            foreach (var r in options[s])
            {
                choice[s] = r;
                Recurse(s + 1);
            }
        }

        Recurse(0);
        return best;
    }

    /// <summary>Largest number of chosen routes from a site to a PoP (int.MaxValue if some site has none).</summary>
    internal static int MaxDepth(int sites, List<(int A, int B, double Cost)> routes, List<int> chosen)
    {
        var adjacency = new List<int>[sites + 4];
        for (var i = 0; i < adjacency.Length; i++)
        {
            adjacency[i] = [];
        }

        foreach (var r in chosen)
        {
            adjacency[routes[r].A].Add(routes[r].B);
            adjacency[routes[r].B].Add(routes[r].A);
        }

        var depth = Enumerable.Repeat(int.MaxValue, adjacency.Length).ToArray();
        var queue = new Queue<int>();
        for (var p = sites; p < adjacency.Length; p++)
        {
            depth[p] = 0;
            queue.Enqueue(p);
        }

        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var u in adjacency[v])
            {
                if (depth[u] == int.MaxValue)
                {
                    depth[u] = depth[v] + 1;
                    queue.Enqueue(u);
                }
            }
        }

        return depth.Take(sites).Max();
    }
}
