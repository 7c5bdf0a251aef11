using Quanet.Core;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Reduction with an incumbent: rounds of the bound-based test (<see cref="BoundBasedTest"/>) followed by the
/// incumbent-free tests of <see cref="SteinerReducer"/> (with the extended star test on request), on a reduced instance. A
/// bound-based deletion never touches a minimal tree of cost U, so the incumbent is carried into every new graph unless
/// the incumbent-free tests cut it; then the rounds stop with the bound-based step alone, or, with the star test, the
/// incumbent's edges that are left, or a heuristic, give a tree of the new graph, which may cost more (the caller keeps
/// the tree it had; U grows to that tree's cost, which only keeps more).
/// After each round a short heuristic run on the smaller graph may lower the bound for the next.
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
        DualAscentRuns? ascentRuns = null, bool extendedStar = false)
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

            // The incumbent-free tests on top. When they cut the incumbent (a pseudo-elimination of a vertex it passes
            // with three or more edges, an edge fixed that it does not use) and the star test is on, the incumbent's
            // edges that are left, or else a heuristic, give a tree of the new graph, perhaps a dearer one (the caller
            // keeps the cheaper tree it had).
            var full = SteinerReducer.Reduce(bounded.Graph, expired: extendedStar ? expired : null, extendedStar: extendedStar);
            var fullTree = Translate(full, boundedTree, cost - bounded.FixedCost);
            // without the star test, a cut incumbent keeps the bound-based step alone and ends the rounds
            var stop = fullTree is null && !extendedStar;
            var dearer = fullTree is null && !stop ? Spanned(full, boundedTree) : null;
            var searched = fullTree is null && !stop && dearer is null;
            if (searched)
            {
                dearer = Heuristic(full.Graph, round, expired);
            }

            var before = g.EdgeCount;
            current = current.Compose(stop ? bounded : bounded.Compose(full));
            tree = fullTree ?? dearer?.Tree ?? boundedTree;
            cost = dearer?.Cost ?? total - current.FixedCost;
            total = cost + current.FixedCost;

            // A better incumbent on the smaller graph lowers U for the next round (and for the caller); the heuristic
            // that just gave the tree is that same run.
            if (!searched && current.Graph.TerminalCount > 1 && !expired())
            {
                var (better, betterCost) = SteinerHeuristic.Solve(current.Graph, round + 1, expired, maxStarts: HeuristicStarts);
                if (betterCost < cost)
                {
                    tree = TreeOps.Pruned(current.Graph, better);
                    cost = current.Graph.CostOf(tree);
                    total = cost + current.FixedCost;
                }
            }
            if (stop || current.Graph.EdgeCount > 0.99 * before)
            {
                break;
            }
        }

        return (current, tree, cost);
    }

    /// <summary>A heuristic tree of <paramref name="g"/> (none needed with fewer than two terminals).</summary>
    private static (int[] Tree, long Cost) Heuristic(SteinerGraph g, int round, Func<bool> expired)
    {
        if (g.TerminalCount <= 1)
        {
            return ([], 0);
        }

        var (edges, _) = SteinerHeuristic.Solve(g, round + 1, expired, maxStarts: HeuristicStarts);
        var tree = TreeOps.Pruned(g, edges);
        return (tree, g.CostOf(tree));
    }

    /// <summary>
    /// A tree of <paramref name="inner"/>'s graph from the incumbent's edges when <see cref="Translate"/> finds none of
    /// the same cost: the cheapest spanning forest of <see cref="IncumbentEdges"/> without non-terminal leaves; null
    /// when that does not span the terminals or the fixed edges are not the incumbent's.
    /// </summary>
    private static (int[] Tree, long Cost)? Spanned(ReducedInstance inner, int[] outerTree)
    {
        if (IncumbentEdges(inner, outerTree) is not { } chosen)
        {
            return null;
        }

        var g = inner.Graph;
        try
        {
            var tree = TreeOps.Pruned(g, TreeOps.CheapestForest(g, chosen));
            var c = g.TerminalCount <= 1 && tree.Length == 0 ? 0 : SteinerTreeValidator.Validate(g, tree);
            return (tree, c);
        }
        catch (QuanetException)
        {
            return null;
        }
    }

    /// <summary>
    /// The incumbent as edges of <paramref name="inner"/>'s graph when every edge of it is either fixed by
    /// <paramref name="inner"/> or part of an edge of the inner graph whose origins all lie in the incumbent,
    /// and the result is a tree of the same cost; null otherwise.
    /// </summary>
    private static int[]? Translate(ReducedInstance inner, int[] outerTree, long outerCost)
    {
        if (IncumbentEdges(inner, outerTree) is not { } result)
        {
            return null;
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

    /// <summary>
    /// The edges of <paramref name="inner"/>'s graph whose origins all lie in <paramref name="outerTree"/>; null when
    /// <paramref name="inner"/> fixed an edge the tree does not use.
    /// </summary>
    private static List<int>? IncumbentEdges(ReducedInstance inner, int[] outerTree)
    {
        var inTree = new bool[inner.Original.EdgeCount];
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

        return result;
    }
}
