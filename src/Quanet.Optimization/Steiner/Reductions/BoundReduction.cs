using Quanet.Core;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Reduction with an incumbent: rounds of the bound-based test (<see cref="BoundBasedTest"/>) followed by the
/// incumbent-free tests of <see cref="SteinerReducer"/>, on a reduced instance. The incumbent is carried into
/// every new graph (a bound-based deletion never touches a minimal tree of cost U; when the other tests cut it,
/// the round stops before them), so the caller always keeps a tree of the returned graph of at most its total
/// cost; after each round a short heuristic run on the smaller graph may lower the bound for the next.
/// </summary>
internal static class BoundReduction
{
    /// <summary>Rounds at most; a round that removes less than 1 % of the edges ends the loop.</summary>
    public const int MaxRounds = 4;

    /// <summary>Heuristic starts on each smaller graph, to lower the upper bound.</summary>
    public const int HeuristicStarts = 4;

    /// <summary>Dual-ascent roots per round.</summary>
    public const int Roots = 4;

    /// <summary>
    /// Reduces <paramref name="reduced"/> further with the incumbent <paramref name="incumbent"/> (edges of its
    /// graph, cost <paramref name="cost"/> without the fixed cost) as upper bound; <paramref name="ascentRuns"/>, dual-ascent
    /// runs already made on that graph, are reused.
    /// </summary>
    /// <returns>The new instance (relative to the original graph) and the incumbent as a tree of its graph.</returns>
    public static (ReducedInstance Instance, int[] Incumbent, long Cost) Reduce(
        ReducedInstance reduced, int[] incumbent, long cost, Func<bool> expired, int roots = Roots, int maxRounds = MaxRounds,
        DualAscentRuns? ascentRuns = null)
    {
        ArgumentNullException.ThrowIfNull(reduced);
        ArgumentNullException.ThrowIfNull(incumbent);
        ArgumentNullException.ThrowIfNull(expired);
        var current = reduced;
        var tree = TreeOps.Pruned(reduced.Graph, incumbent);
        var total = cost + reduced.FixedCost;
        if (reduced.Graph.CostOf(tree) != cost)
        {
            cost = reduced.Graph.CostOf(tree);
            total = cost + reduced.FixedCost;
        }

        for (var round = 0; round < maxRounds && current.Graph.TerminalCount > 1 && !expired(); round++)
        {
            var g = current.Graph;
            var (deadEdges, deadNodes, runs) = BoundBasedTest.Find(g, cost, roots, expired, ascentRuns);
            if (runs == 0)
            {
                break;
            }

            var rg = new ReductionGraph(g);
            for (var e = 0; e < g.EdgeCount; e++)
            {
                if (deadEdges[e])
                {
                    rg.DeleteEdge(e);
                }
            }

            for (var v = 0; v < g.NodeCount; v++)
            {
                if (deadNodes[v])
                {
                    rg.DeleteNode(v);
                }
            }

            var bounded = ReducedInstance.From(rg);
            var boundedTree = Translate(bounded, tree, cost)
                ?? throw new QuanetException("bound-based reduction cut the incumbent (internal error)");

            // The incumbent-free tests on top; when they cut the incumbent, stop with the bound-based step alone.
            var full = SteinerReducer.Reduce(bounded.Graph);
            var fullTree = Translate(full, boundedTree, cost - bounded.FixedCost);
            var before = g.EdgeCount;
            current = current.Compose(fullTree is null ? bounded : bounded.Compose(full));
            tree = fullTree ?? boundedTree;
            cost = total - current.FixedCost;

            // A better incumbent on the smaller graph lowers U for the next round (and for the caller).
            if (current.Graph.TerminalCount > 1 && !expired())
            {
                var (better, betterCost) = SteinerHeuristic.Solve(current.Graph, round + 1, expired, maxStarts: HeuristicStarts);
                if (betterCost < cost)
                {
                    tree = TreeOps.Pruned(current.Graph, better);
                    cost = current.Graph.CostOf(tree);
                    total = cost + current.FixedCost;
                }
            }
            if (fullTree is null || current.Graph.EdgeCount > 0.99 * before)
            {
                break;
            }
        }

        return (current, tree, cost);
    }

    /// <summary>
    /// The incumbent as edges of <paramref name="inner"/>'s graph when every edge of it is either fixed by
    /// <paramref name="inner"/> or part of an edge of the inner graph whose origins all lie in the incumbent,
    /// and the result is a tree of the same cost; null otherwise.
    /// </summary>
    private static int[]? Translate(ReducedInstance inner, int[] outerTree, long outerCost)
    {
        var outer = inner.Original;
        var inTree = new bool[outer.EdgeCount];
        foreach (var e in outerTree)
        {
            inTree[e] = true;
        }

        foreach (var e in inner.FixedEdges)
        {
            if (!inTree[e])
            {
                return null;
            }
        }

        var result = new List<int>();
        for (var e = 0; e < inner.Graph.EdgeCount; e++)
        {
            var all = true;
            foreach (var o in inner.Origin(e))
            {
                all &= inTree[o];
            }

            if (all)
            {
                result.Add(e);
            }
        }

        try
        {
            var c = inner.Graph.TerminalCount <= 1 && result.Count == 0 ? 0 : SteinerTreeValidator.Validate(inner.Graph, result);
            return c + inner.FixedCost == outerCost ? [.. result] : null;
        }
        catch (QuanetException)
        {
            return null;
        }
    }
}
