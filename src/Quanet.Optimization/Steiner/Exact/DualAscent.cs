namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Wong's (1984) dual ascent on the bidirected cut formulation: arcs 2e (tail to head) and 2e+1 (head to
/// tail); for a terminal whose set of nodes reaching it over zero-reduced-cost arcs does not hold the
/// root, the reduced costs of the arcs entering that set are lowered by their minimum, which raises the
/// lower bound by the same amount. The terminal whose set had the fewest entering arcs goes next (as in Duin's and
/// Polzin's ascents; first in, first out gave bounds 1-4 % lower on PACE 2018 instances). The result is a valid lower bound and the reduced costs, which
/// <see cref="ReducedCostFixing"/> uses to exclude arcs and nodes.
/// </summary>
internal sealed class DualAscent
{
    private DualAscent(long lowerBound, long[] reducedCost, int root)
    {
        LowerBound = lowerBound;
        ReducedCost = reducedCost;
        Root = root;
    }

    /// <summary>The dual bound (a lower bound of the optimum).</summary>
    public long LowerBound { get; }

    /// <summary>Reduced cost of every arc.</summary>
    public long[] ReducedCost { get; }

    /// <summary>The root terminal.</summary>
    public int Root { get; }

    /// <summary>Reduced cost given to forbidden arcs; such arcs never enter a cut's minimum.</summary>
    public const long Forbidden = long.MaxValue / 4;

    /// <summary>
    /// Runs dual ascent rooted at <paramref name="root"/>; arcs marked in <paramref name="forbiddenArcs"/> are
    /// left out of the formulation (their reduced cost stays <see cref="Forbidden"/>). When <paramref name="cuts"/>
    /// is given, the cuts that raised the bound are added to it as arc lists (until their arcs total
    /// <paramref name="cutBudget"/>): a cut LP seeded with them starts at the dual-ascent bound or above.
    /// </summary>
    public static DualAscent Run(SteinerGraph g, int root, Func<bool> expired, bool[]? forbiddenArcs = null, List<int[]>? cuts = null, int cutBudget = 0)
    {
        var n = g.NodeCount;
        var rc = new long[2 * g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            rc[2 * e] = forbiddenArcs is not null && forbiddenArcs[2 * e] ? Forbidden : g.Weight(e);
            rc[(2 * e) + 1] = forbiddenArcs is not null && forbiddenArcs[(2 * e) + 1] ? Forbidden : g.Weight(e);
        }

        long bound = 0;
        var inSet = new bool[n];
        var members = new List<int>();
        var entering = new List<int>();

        // the active terminal whose cut had the fewest entering arcs when last seen goes first (a small cut raises
        // the bound by its minimum while lowering few reduced costs); a set that has grown beyond the next one's
        // is put back with its new size instead of ascending
        var active = new PriorityQueue<int, (int Arcs, int Order)>();
        var order = 0;
        foreach (var t in g.Terminals)
        {
            if (t != root)
            {
                active.Enqueue(t, (0, order++));
            }
        }

        var steps = 0;
        while (active.Count > 0)
        {
            if ((++steps & 63) == 0 && expired())
            {
                break;
            }

            active.TryDequeue(out var t, out var seen);

            // Nodes that reach t over arcs of zero reduced cost.
            members.Clear();
            members.Add(t);
            inSet[t] = true;
            var holdsRoot = false;
            for (var i = 0; i < members.Count && !holdsRoot; i++)
            {
                var v = members[i];
                foreach (var e in g.IncidentEdges(v))
                {
                    var u = g.Other(e, v);
                    if (inSet[u] || rc[ArcInto(g, e, v)] != 0)
                    {
                        continue;
                    }

                    inSet[u] = true;
                    members.Add(u);
                    if (u == root)
                    {
                        holdsRoot = true;
                        break;
                    }
                }
            }

            if (!holdsRoot)
            {
                // The arcs entering the set (forbidden ones stay out of the cut).
                entering.Clear();
                var delta = long.MaxValue;
                foreach (var v in members)
                {
                    foreach (var e in g.IncidentEdges(v))
                    {
                        var arc = ArcInto(g, e, v);
                        if (!inSet[g.Other(e, v)] && rc[arc] < Forbidden)
                        {
                            entering.Add(arc);
                            delta = Math.Min(delta, rc[arc]);
                        }
                    }
                }

                if (delta != long.MaxValue && active.TryPeek(out _, out var next) && entering.Count > seen.Arcs && entering.Count > next.Arcs)
                {
                    active.Enqueue(t, (entering.Count, order++));
                }
                else if (delta != long.MaxValue)
                {
                    foreach (var arc in entering)
                    {
                        rc[arc] -= delta;
                    }

                    bound += delta;
                    active.Enqueue(t, (entering.Count, order++));
                    if (cuts is not null && delta > 0 && cutBudget > 0)
                    {
                        cutBudget -= entering.Count;
                        cuts.Add([.. entering]);
                    }
                }
            }

            foreach (var v in members)
            {
                inSet[v] = false;
            }
        }

        return new DualAscent(bound, rc, root);
    }

    /// <summary>The arc of edge <paramref name="e"/> that enters <paramref name="v"/>.</summary>
    public static int ArcInto(SteinerGraph g, int e, int v) => g.Head(e) == v ? 2 * e : (2 * e) + 1;

    /// <summary>The arc of edge <paramref name="e"/> that leaves <paramref name="v"/>.</summary>
    public static int ArcOutOf(SteinerGraph g, int e, int v) => g.Tail(e) == v ? 2 * e : (2 * e) + 1;
}
