namespace Quanet.Optimization.Steiner.Exact;

/// <summary>Terminal distances and the future-cost lower bound of <see cref="LabelSettingSolver"/>.</summary>
internal sealed partial class LabelSettingSolver
{
    private readonly int[] _terminals;

    /// <summary>Distance from node v to terminal j at [v * (k + 1) + j]; j = k is the root.</summary>
    private readonly long[] _dist;

    /// <summary>The same under the terminal-potential weights (see <see cref="TerminalPotentials"/>).</summary>
    private readonly long[] _potentialDist;

    /// <summary>Potential of terminal j (j = k is the root).</summary>
    private readonly long[] _potential;

    /// <summary>Potential of every node (zero for non-terminals).</summary>
    private readonly long[] _nodePotential;

    /// <summary>Edge to the predecessor on a shortest path from each node towards the root (-1 at the root).</summary>
    private readonly int[] _rootPred;

    private readonly SubsetTable _complementTree;
    private readonly SubsetTable _potentialComplementTree;

    /// <summary>
    /// Lower bound on connecting node <paramref name="v"/> to the root and the terminals outside
    /// <paramref name="set"/> (the set S). Any such tree, doubled and short-cut, is a tour of S and v in the
    /// distance metric, so twice its cost is at least the minimum spanning tree of S plus the two shortest
    /// distances from v into S (the 1-tree bound); it is also at least the distance to the farthest member
    /// of S. The same two bounds in the potential-reduced weights, plus the potentials of S (every terminal
    /// of S other than v has an edge of the tree), are the others; the largest is returned.
    /// <paramref name="nearest"/> receives the (true) distance to the nearest member of S.
    /// </summary>
    private long FutureBound(int v, long set, out long nearest)
    {
        var stride = _k + 1;
        var row = v * stride;
        long d1 = long.MaxValue, d2 = long.MaxValue, far = 0;
        long p1 = long.MaxValue, p2 = long.MaxValue, potentialFar = 0, potentials = 0;
        for (var j = 0; j <= _k; j++)
        {
            if (j < _k && ((set >> j) & 1) != 0)
            {
                continue;
            }

            var d = _dist[row + j];
            if (d < d1)
            {
                d2 = d1;
                d1 = d;
            }
            else if (d < d2)
            {
                d2 = d;
            }

            if (d > far)
            {
                far = d;
            }

            var p = _potentialDist[row + j];
            if (p < p1)
            {
                p2 = p1;
                p1 = p;
            }
            else if (p < p2)
            {
                p2 = p;
            }

            if (p > potentialFar)
            {
                potentialFar = p;
            }

            potentials += _potential[j];
        }

        nearest = d1;

        // v itself may be a terminal of S; its potential is not paid by the remaining tree.
        potentials -= _nodePotential[v] > 0 && IsOutside(v, set) ? _nodePotential[v] : 0;
        var potentialPath = potentials + potentialFar;
        if (set == _full)
        {
            return Math.Max(d1, potentialPath);
        }

        var tour = (ComplementTree(set, _dist, _complementTree) + d1 + d2 + 1) / 2;
        var potentialTour = potentials + ((ComplementTree(set, _potentialDist, _potentialComplementTree) + p1 + p2 + 1) / 2);
        return Math.Max(Math.Max(far, potentialPath), Math.Max(tour, potentialTour));
    }

    /// <summary>
    /// The part of <see cref="FutureBound"/> that reads only node <paramref name="v"/>'s row (farthest member
    /// of S, in both metrics): checked first, because it needs no table look-up.
    /// </summary>
    private long QuickBound(int v, long set)
    {
        var row = v * (_k + 1);
        long far = 0, potentialFar = 0, potentials = 0;
        for (var j = 0; j <= _k; j++)
        {
            if (j < _k && ((set >> j) & 1) != 0)
            {
                continue;
            }

            far = Math.Max(far, _dist[row + j]);
            potentialFar = Math.Max(potentialFar, _potentialDist[row + j]);
            potentials += _potential[j];
        }

        potentials -= _nodePotential[v] > 0 && IsOutside(v, set) ? _nodePotential[v] : 0;
        return Math.Max(far, potentials + potentialFar);
    }

    /// <summary>Whether terminal node <paramref name="v"/> is the root or a terminal outside <paramref name="set"/>.</summary>
    private bool IsOutside(int v, long set)
    {
        if (v == _root)
        {
            return true;
        }

        var j = _terminalIndex[v];
        return j >= 0 && ((set >> j) & 1) == 0;
    }

    /// <summary>Minimum spanning tree, in metric <paramref name="dist"/>, of the terminals outside <paramref name="set"/> (root included).</summary>
    private long ComplementTree(long set, long[] dist, SubsetTable cache)
    {
        var cached = cache.Get(set);
        if (cached >= 0)
        {
            return cached;
        }

        Span<long> key = stackalloc long[_k + 1];
        Span<int> members = stackalloc int[_k + 1];
        var count = 0;
        for (var j = 0; j <= _k; j++)
        {
            if (j == _k || ((set >> j) & 1) == 0)
            {
                members[count] = j;
                key[count] = long.MaxValue;
                count++;
            }
        }

        // Prim from the root (last member); key[i] = -1 marks a member in the tree.
        long total = 0;
        var current = count - 1;
        key[current] = -1;
        for (var added = 1; added < count; added++)
        {
            var row = _terminals[members[current]] * (_k + 1);
            var next = -1;
            for (var i = 0; i < count; i++)
            {
                if (key[i] < 0)
                {
                    continue;
                }

                var d = dist[row + members[i]];
                if (d < key[i])
                {
                    key[i] = d;
                }

                if (next < 0 || key[i] < key[next])
                {
                    next = i;
                }
            }

            total += key[next];
            key[next] = -1;
            current = next;
        }

        cache.Set(set, total);
        return total;
    }

    /// <summary>
    /// Terminal potentials: every terminal has at least one tree edge, so a potential p(t) no larger than its
    /// cheapest incident edge (half of it for an edge to another terminal) can be taken off its edges and
    /// added to the bound. Group Steiner instances, whose terminals hang on expensive edges, gain the most.
    /// </summary>
    private static long[] TerminalPotentials(SteinerGraph g)
    {
        var potential = new long[g.NodeCount];
        foreach (var t in g.Terminals)
        {
            var p = long.MaxValue;
            foreach (var e in g.IncidentEdges(t))
            {
                var w = g.IsTerminal(g.Other(e, t)) ? g.Weight(e) / 2 : g.Weight(e);
                p = Math.Min(p, w);
            }

            potential[t] = p == long.MaxValue ? 0 : p;
        }

        return potential;
    }

    /// <summary>Dijkstra from every terminal under <paramref name="weight"/>; also the shortest-path tree towards the last terminal.</summary>
    private static (long[] Dist, int[] LastPred) TerminalDistances(SteinerGraph g, int[] terminals, Func<int, long> weight)
    {
        var n = g.NodeCount;
        var stride = terminals.Length;
        var dist = new long[n * stride];
        var single = new long[n];
        var pred = new int[n];
        var heap = new PriorityQueue<int, long>(n);
        for (var j = 0; j < stride; j++)
        {
            Array.Fill(single, long.MaxValue);
            Array.Fill(pred, -1);
            single[terminals[j]] = 0;
            heap.Enqueue(terminals[j], 0);
            while (heap.TryDequeue(out var v, out var d))
            {
                if (d != single[v])
                {
                    continue;
                }

                foreach (var e in g.IncidentEdges(v))
                {
                    var w = g.Other(e, v);
                    var nd = d + weight(e);
                    if (nd < single[w])
                    {
                        single[w] = nd;
                        pred[w] = e;
                        heap.Enqueue(w, nd);
                    }
                }
            }

            for (var v = 0; v < n; v++)
            {
                dist[(v * stride) + j] = single[v];
            }
        }

        return (dist, pred);
    }
}
