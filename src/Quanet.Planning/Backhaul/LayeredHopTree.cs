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
    /// is optimal; null when some site cannot be reached within the limit.
    /// </summary>
    public static (List<int> Routes, double LowerBound, bool Optimal)? Solve(
        int siteCount, IReadOnlyList<(int A, int B, double Cost)> routes, int limit, TimeSpan timeLimit, TimeProvider? time = null)
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

        var solution = SteinerArborescence.Solve(1 + (siteCount * limit), arcs, 0, terminals, timeLimit, time);
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
}
