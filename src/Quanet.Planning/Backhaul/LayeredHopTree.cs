using Quanet.Optimization.Steiner.Arborescence;

namespace Quanet.Planning.Backhaul;

/// <summary>
/// The minimum-cost backhaul tree in which every site is at most a given number of links from its PoP, as
/// a Steiner arborescence on a layered graph (Gouveia, Simonetti and Uchoa, "Modeling hop-constrained and
/// diameter-constrained minimum spanning tree problems as Steiner tree problems over layered graphs", Math.
/// Program. 128, 2011): a root stands for all PoPs; site v has a copy (v, d) per depth d = 1..H; a route
/// from PoP p to site v is the arc root -> (v, 1), a route between sites u and v the arcs (u, d) -> (v, d + 1)
/// and (v, d) -> (u, d + 1); (v, d) -> (v, H) costs nothing, and the copies (v, H) are the terminals. Every
/// arborescence reaching the terminals is a tree of depth at most H, and the directed cut relaxation of this
/// graph is much stronger than that of the hop-indexed flow model (Gouveia 1998) used before; it is solved
/// exactly by <see cref="SteinerArborescence"/>. Costs are solved as integers in thousandths of the cost unit.
/// </summary>
internal static class LayeredHopTree
{
    private const double CostScale = 1000.0;

    /// <summary>
    /// Solves the problem over <paramref name="routes"/> (node ids: sites 0..siteCount-1, PoPs after them).
    /// Returns the chosen routes (one per site: the link to its parent), the proven lower bound and whether it
    /// is optimal; null when some site cannot be reached within the limit. <paramref name="start"/>, when given, is
    /// a known tree (route indices) that the solve starts from if it respects the limit.
    /// </summary>
    public static (List<int> Routes, double LowerBound, bool Optimal)? Solve(
        int siteCount, IReadOnlyList<(int A, int B, double Cost)> routes, int limit, TimeSpan timeLimit, TimeProvider? time = null,
        IReadOnlyList<int>? start = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int Copy(int site, int depth) => 1 + (site * limit) + (depth - 1);

        // route[k] is the route of arc k, or -1 for the free arcs (v, d) -> (v, H).
        var arcs = new List<(int Tail, int Head, long Cost)>();
        var route = new List<int>();
        for (var r = 0; r < routes.Count; r++)
        {
            var (a, b, cost) = routes[r];
            var weight = (long)Math.Round(cost * CostScale);
            foreach (var (i, j) in (ReadOnlySpan<(int, int)>)[(a, b), (b, a)])
            {
                if (j >= siteCount)
                {
                    continue; // nothing hangs a PoP from anything
                }

                if (i >= siteCount)
                {
                    arcs.Add((0, Copy(j, 1), weight));
                    route.Add(r);
                    continue;
                }

                for (var d = 1; d < limit; d++)
                {
                    arcs.Add((Copy(i, d), Copy(j, d + 1), weight));
                    route.Add(r);
                }
            }
        }

        var terminals = new int[siteCount];
        for (var v = 0; v < siteCount; v++)
        {
            terminals[v] = Copy(v, limit);
            for (var d = 1; d < limit; d++)
            {
                arcs.Add((Copy(v, d), Copy(v, limit), 0));
                route.Add(-1);
            }
        }

        var startArcs = start is null ? null : StartArcs(siteCount, routes, limit, arcs, route, start);
        var solution = SteinerArborescence.Solve(1 + (siteCount * limit), arcs, 0, terminals, timeLimit, time, startArcs);
        if (solution is null)
        {
            return null;
        }

        // Each site keeps the route into its shallowest copy: its parent's shallowest copy is shallower still,
        // so the routes form a forest of depth at most H, and no dearer than the arborescence.
        var parentRoute = new int[siteCount];
        var depth = new int[siteCount];
        Array.Fill(depth, int.MaxValue);
        foreach (var k in solution.Arcs)
        {
            if (route[k] < 0)
            {
                continue;
            }

            var head = arcs[k].Head - 1;
            var (v, d) = (head / limit, (head % limit) + 1);
            if (d < depth[v])
            {
                depth[v] = d;
                parentRoute[v] = route[k];
            }
        }

        return ([.. parentRoute], solution.LowerBound / CostScale, solution.Optimal);
    }

    /// <summary>
    /// The layered arcs of a tree given as routes: each site at its depth from the PoPs (breadth-first over the
    /// tree), entered from its parent's copy one level up, and its copy joined free to its depth-H copy; the
    /// arcs stop short of a site deeper than the limit (the solver then finds the start incomplete and drops it).
    /// </summary>
    private static List<int> StartArcs(
        int siteCount, IReadOnlyList<(int A, int B, double Cost)> routes, int limit, List<(int Tail, int Head, long Cost)> arcs, List<int> route, IReadOnlyList<int> start)
    {
        int Copy(int site, int depth) => 1 + (site * limit) + (depth - 1);
        var index = new Dictionary<(int Tail, int Head, int Route), int>();
        for (var k = 0; k < arcs.Count; k++)
        {
            index.TryAdd((arcs[k].Tail, arcs[k].Head, route[k]), k);
        }

        var depth = new int[siteCount];
        var queue = new Queue<int>();
        var chosen = new List<int>();
        foreach (var r in start)
        {
            var (a, b, _) = routes[r];
            if ((a >= siteCount) != (b >= siteCount))
            {
                var site = a < siteCount ? a : b;
                if (depth[site] == 0 && index.TryGetValue((0, Copy(site, 1), r), out var k))
                {
                    depth[site] = 1;
                    chosen.Add(k);
                    queue.Enqueue(site);
                }
            }
        }

        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            if (depth[u] < limit)
            {
                chosen.Add(index[(Copy(u, depth[u]), Copy(u, limit), -1)]);
            }

            foreach (var r in start)
            {
                var (a, b, _) = routes[r];
                var v = a == u ? b : b == u ? a : -1;
                if (v >= 0 && v < siteCount && depth[v] == 0 && depth[u] < limit)
                {
                    depth[v] = depth[u] + 1;
                    chosen.Add(index[(Copy(u, depth[u]), Copy(v, depth[v]), r)]);
                    queue.Enqueue(v);
                }
            }
        }

        return chosen;
    }
}
