using Quanet.Optimization.Steiner.Exact;

namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The bound-based reductions of Polzin and Vahdati Daneshmand (2001) with dual ascent: after a run rooted at
/// terminal r with lower bound L and reduced costs c~, every arborescence that uses arc (u, v) costs at least
/// L + d~(r, u) + c~(u, v) + d~(v, nearest terminal), and every one through a Steiner vertex v at least
/// L + d~(r, v) + d~(v, nearest terminal). An edge whose two arcs, or a Steiner vertex whose entering arcs, all
/// exceed the upper bound U strictly lies in no tree of cost at most U, so it goes and every optimal tree stays.
/// Runs from several roots add up: each deletes only elements that no tree of cost at most U uses. Once a run's bound
/// reaches U the incumbent is optimal and the remaining roots are skipped.
/// </summary>
internal static class BoundBasedTest
{
    /// <summary>
    /// Marks on <paramref name="g"/> the edges and Steiner vertices that no tree of cost at most
    /// <paramref name="upperBound"/> contains, from dual-ascent runs rooted at up to <paramref name="roots"/> terminals:
    /// those <paramref name="ascentRuns"/> already holds first when they are of <paramref name="g"/>, then terminals
    /// spread over the list.
    /// </summary>
    public static (bool[] Edges, bool[] Nodes, int Runs) Find(SteinerGraph g, long upperBound, int roots, Func<bool> expired, DualAscentRuns? ascentRuns = null)
    {
        var deadEdge = new bool[g.EdgeCount];
        var deadNode = new bool[g.NodeCount];
        var k = g.TerminalCount;
        var runs = 0;
        if (k < 2)
        {
            return (deadEdge, deadNode, 0);
        }

        var count = Math.Min(roots, k);
        var shared = ascentRuns is not null && ReferenceEquals(ascentRuns.Graph, g) ? ascentRuns : new DualAscentRuns(g);
        var chosen = new List<int>(count);
        foreach (var r in shared.Roots)
        {
            if (chosen.Count < count)
            {
                chosen.Add(r);
            }
        }

        // spread terminals are distinct (k >= count), so they fill what the shared roots leave
        for (var i = 0; i < count && chosen.Count < count; i++)
        {
            var r = g.Terminals[(int)((long)i * k / count)];
            if (!chosen.Contains(r))
            {
                chosen.Add(r);
            }
        }

        foreach (var root in chosen)
        {
            if (expired())
            {
                break;
            }

            var dual = shared.Run(root, expired);
            runs++;

            // A bound of at most U keeps the arc: UsableArcs keeps bounds strictly below its argument.
            var usable = ReducedCostFixing.UsableArcs(g, dual, upperBound + 1, out _);
            for (var e = 0; e < g.EdgeCount; e++)
            {
                if (!usable[2 * e] && !usable[(2 * e) + 1])
                {
                    deadEdge[e] = true;
                }
            }

            for (var v = 0; v < g.NodeCount; v++)
            {
                if (g.IsTerminal(v) || deadNode[v])
                {
                    continue;
                }

                var enters = false;
                foreach (var e in g.IncidentEdges(v))
                {
                    if (usable[DualAscent.ArcInto(g, e, v)])
                    {
                        enters = true;
                        break;
                    }
                }

                deadNode[v] = !enters;
            }

            if (dual.LowerBound >= upperBound)
            {
                // the bound proves the upper bound optimal: further roots could only delete what no tree of cost U needs
                break;
            }
        }

        return (deadEdge, deadNode, runs);
    }
}
