using Quanet.Core;
using Quanet.Optimization.Steiner.Exact;
namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Runs the reduction tests to a fixed point: removal of parts not connected to the terminals, degree
/// tests, the nearest-vertex test, the special-distance tests (exact where the terminal distance table fits,
/// else the Voronoi bound and a bounded path search; they contain the long-edge test), and, when those find nothing,
/// the degree-3 exchange test.
/// </summary>
internal static class SteinerReducer
{
    /// <summary>
    /// Rounds at most while the exact special-distance test applies: each round deletes a few edges, the degree
    /// tests then merge paths into longer edges that the next round may delete (PACE 2018 instance189: 97 rounds
    /// from 7,881 nodes to 4,007, where 8 rounds stopped at 7,881).
    /// </summary>
    public const int ExactRounds = 1000;

    /// <summary>Work of those rounds at most, counted as (terminals + 1) times nodes per round: a bound of seconds.</summary>
    public const long ExactWork = 200_000_000;

    /// <summary>Reduces <paramref name="graph"/>.</summary>
    /// <exception cref="QuanetException">Two terminals are not connected.</exception>
    public static ReducedInstance Reduce(SteinerGraph graph, bool specialDistance = true, int maxRounds = 8, Func<bool>? expired = null, bool extendedStar = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var g = new ReductionGraph(graph);
        return Reduce(g, specialDistance, maxRounds, expired, extendedStar: extendedStar);
    }

    /// <summary>
    /// Reduces an existing reduction graph in place and compacts it: up to <paramref name="maxRounds"/> rounds (none
    /// when 0), or up to <see cref="ExactRounds"/> within <see cref="ExactWork"/> while the exact special-distance
    /// test applies; no round starts once <paramref name="expired"/> says so. With <paramref name="incremental"/> a
    /// pass of that test after another, with no contraction between them, tests only the edges added since; a round
    /// that then finds nothing runs the full pass, so the rounds end only where a full pass finds nothing (on the 200
    /// PACE 2018 track-1 instances the reduced graphs are the same as with full passes only, in 19.9 s instead of 24.2).
    /// </summary>
    public static ReducedInstance Reduce(ReductionGraph g, bool specialDistance = true, int maxRounds = 8, Func<bool>? expired = null, bool incremental = true, bool extendedStar = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        RemoveUnreachable(g);
        long work = 0;
        DegreeThreeTest? degreeThree = null;
        ExtendedStarTest? star = null;

        // the Voronoi bound finds nothing the exact special distance does not, once that one runs: after a pass of it
        // that deleted nothing it waits until the other tests find nothing either (PACE 2018 instance192: 12 edges
        // in 350 rounds, 1.6 of 5 s)
        var voronoiIdle = false;
        var exactFrom = 0;
        var exactContractions = -1;
        var exactPartial = false;
        for (var round = 0; g.TerminalCount > 1; round++)
        {
            var exact = specialDistance && maxRounds > 0 && Sparse(g) && BottleneckDistanceTest.Applicable(g);
            if (round >= (exact ? ExactRounds : maxRounds) || work > ExactWork || (round > 0 && expired?.Invoke() == true))
            {
                break;
            }

            var changed = DegreeTests.Apply(g);
            if (specialDistance && g.TerminalCount > 1)
            {
                var voronoiRan = !voronoiIdle;
                if (voronoiRan)
                {
                    var voronoi = TerminalDistanceTest.Apply(g);
                    changed += voronoi;
                    voronoiIdle = voronoi == 0 && exact;
                }

                changed += NearestVertexTest.Apply(g);

                // The path-based tests pay off on sparse graphs; on dense ones their bounded searches see too little:
                // the exact special distance where its terminal distance table fits, else a bounded path search.
                var sparse = Sparse(g);
                if (sparse && BottleneckDistanceTest.Applicable(g))
                {
                    // after a pass, while only deletions and degree-2 merges follow, the special distances only grow
                    // and the merges keep path lengths: only the edges added since (the merged ones) can go, and the
                    // full pass runs again when a round finds nothing else
                    var partial = incremental && exactContractions == g.Contractions && exactFrom > 0;
                    var from = partial ? exactFrom : 0;
                    exactFrom = g.EdgeCapacity;
                    exactContractions = g.Contractions;
                    // counted as a full pass: it still fills the terminals' distance table
                    work += (long)(g.TerminalCount + 1) * g.AliveNodeCount();
                    changed += BottleneckDistanceTest.Apply(g, from);
                    exactPartial = partial;
                }
                else if (sparse)
                {
                    changed += SpecialDistanceTest.Apply(g);
                }

                if (changed == 0 && exactPartial)
                {
                    // the fixed point is checked by a full pass (a search's scan bound may reach further now)
                    exactFrom = 0;
                    exactPartial = false;
                    work += (long)(g.TerminalCount + 1) * g.AliveNodeCount();
                    changed += BottleneckDistanceTest.Apply(g);
                    exactFrom = g.EdgeCapacity;
                    exactContractions = g.Contractions;
                }

                if (changed == 0 && !voronoiRan)
                {
                    var voronoi = TerminalDistanceTest.Apply(g);
                    changed += voronoi;
                    voronoiIdle = voronoi == 0;
                }
            }

            // the degree-3 exchanges are dearer: only once the other tests find nothing, as the PACE 2018 winner does
            if (changed == 0 && specialDistance && g.TerminalCount > 1 && Sparse(g))
            {
                degreeThree ??= new DegreeThreeTest(g);
                changed += degreeThree.Pass();
            }

            // the extended star test last: its trees are dearer still
            if (changed == 0 && extendedStar && specialDistance && g.TerminalCount > 1 && Sparse(g))
            {
                star ??= new ExtendedStarTest(g);
                changed += star.Pass(expired);
            }

            if (changed == 0)
            {
                break;
            }
        }

        if (g.TerminalCount <= 1)
        {
            for (var v = 0; v < g.NodeCapacity; v++)
            {
                if (g.NodeAlive(v) && !g.IsTerminal(v))
                {
                    g.DeleteNode(v);
                }
            }
        }

        return ReducedInstance.From(g);
    }

    /// <summary>
    /// Reduces <paramref name="reduced"/> further with an upper bound: the bound-based tests with dual ascent
    /// (<see cref="BoundReduction"/>) against the incumbent <paramref name="incumbent"/> of cost
    /// <paramref name="cost"/> (edges of the reduced graph, fixed cost excluded), then the tests above again (with the
    /// extended star test when <paramref name="extendedStar"/>). Every tree of cost at most the incumbent's survives, or
    /// every minimal optimal one, so the optimum does. Dual-ascent runs already made on the
    /// reduced graph (<paramref name="ascentRuns"/>, for instance the heuristic's) are reused.
    /// </summary>
    /// <returns>
    /// The new instance (from the original graph) and a tree of its graph: the incumbent at the same total cost, or,
    /// where the incumbent-free tests cut it, another tree, possibly dearer.
    /// </returns>
    public static (ReducedInstance Instance, int[] Incumbent, long Cost) ReduceWithBound(
        ReducedInstance reduced, int[] incumbent, long cost, Func<bool> expired, DualAscentRuns? ascentRuns = null, bool extendedStar = false) =>
        BoundReduction.Reduce(reduced, incumbent, cost, expired, ascentRuns: ascentRuns, extendedStar: extendedStar);

    // at most 8 edges per node
    private static bool Sparse(ReductionGraph g) => g.AliveEdgeCount() <= 8L * g.AliveNodeCount();

    /// <summary>Deletes everything outside the terminals' component; throws if the terminals are split.</summary>
    public static void RemoveUnreachable(ReductionGraph g)
    {
        var first = -1;
        for (var v = 0; v < g.NodeCapacity && first < 0; v++)
        {
            if (g.NodeAlive(v) && g.IsTerminal(v))
            {
                first = v;
            }
        }

        if (first < 0)
        {
            return;
        }

        var seen = new bool[g.NodeCapacity];
        var stack = new Stack<int>();
        stack.Push(first);
        seen[first] = true;
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            foreach (var e in g.Adjacent(x))
            {
                var y = g.Other(e, x);
                if (!seen[y])
                {
                    seen[y] = true;
                    stack.Push(y);
                }
            }
        }

        for (var v = 0; v < g.NodeCapacity; v++)
        {
            if (!g.NodeAlive(v) || seen[v])
            {
                continue;
            }

            if (g.IsTerminal(v))
            {
                throw new QuanetException(
                    $"infeasible: terminals {first + 1} and {v + 1} are not connected (node ids as in the input file)");
            }

            g.DeleteNode(v);
        }
    }
}
