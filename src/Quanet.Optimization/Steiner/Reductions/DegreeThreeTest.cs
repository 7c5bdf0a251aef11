namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The degree-3 path-exchange test (Duin's non-terminal degree-3 test, in the form the PACE 2018 winner uses): at a
/// non-terminal u with three neighbours p, x, y, the edge (u, p) is deleted when some optimal tree avoids it. Suppose
/// every minimal optimal tree used it. If x and y each reach p without u no longer than over u, u has all three edges
/// in such a tree; then either the minimum spanning tree of {p, x, y} under distances without u costs no more than the
/// star at u (exchange the star), or the tree's path from u runs on from p: while it is at a non-terminal q, its next
/// edge (q, r) is one for which no path from {x, y} to r that avoids the path is at most as long as the path so far or
/// shorter than the edge (else an exchange gives a tree without (u, p), or a lighter one). With no such edge there is no
/// optimal tree of the supposition; with exactly one, the path is known one edge further; with more, the test stops.
/// Every search is a Dijkstra bounded by the length it must beat and by a count of scanned edges; a search stopped
/// early counts as "no path", which only keeps edges. Deletions are made one at a time on the current graph, so each
/// keeps an optimum of the graph it is made on, ties included.
/// A node whose test failed is tested again only when an edge at a node its searches reached has changed since (the
/// outcome depends on nothing else), so the passes after the first cost little.
/// </summary>
internal sealed class DegreeThreeTest
{
    private readonly ReductionGraph _g;
    private readonly int _maxPath;
    private readonly Search _search;
    private readonly List<int> _path;
    private readonly int[] _failedAt;
    private readonly int[]?[] _region;

    /// <summary>A test on <paramref name="g"/>, kept across passes to skip what has not changed.</summary>
    /// <param name="g">The graph, edited in place by <see cref="Pass"/>.</param>
    /// <param name="maxScanned">Edges one search scans at most.</param>
    /// <param name="maxPath">Nodes the path from p is followed through at most.</param>
    public DegreeThreeTest(ReductionGraph g, int maxScanned = 1000, int maxPath = 16)
    {
        ArgumentNullException.ThrowIfNull(g);
        _g = g;
        _maxPath = maxPath;
        _search = new Search(g, maxScanned);
        _path = new List<int>(maxPath);
        _failedAt = new int[g.NodeCapacity];
        Array.Fill(_failedAt, -1);
        _region = new int[g.NodeCapacity][];
    }

    /// <summary>Runs the test at every non-terminal of degree 3 once; returns the number of edges deleted.</summary>
    public int Pass()
    {
        var g = _g;
        var search = _search;
        Span<int> edges = stackalloc int[3];
        Span<int> ends = stackalloc int[3];
        Span<long> pair = stackalloc long[3];
        var deleted = 0;
        for (var u = 0; u < g.NodeCapacity; u++)
        {
            if (!g.NodeAlive(u) || g.IsTerminal(u) || g.Degree(u) != 3 || Unchanged(u))
            {
                continue;
            }

            for (var i = 0; i < 3; i++)
            {
                edges[i] = g.Adjacent(u)[i];
                ends[i] = g.Other(edges[i], u);
            }

            if (ends[0] == ends[1] || ends[0] == ends[2] || ends[1] == ends[2])
            {
                continue;
            }

            search.BeginRegion(u, ends);
            search.Blocked[u] = true;

            // the three distances between u's neighbours without u, each only where at most the two edges: one search
            // from ends[0] for two of them, one from ends[1] for the third
            search.Distances(ends[0], ends[1], ends[2], Math.Max(g.W(edges[0]) + g.W(edges[1]), g.W(edges[0]) + g.W(edges[2])), pair);
            pair[2] = pair[1];
            search.Distances(ends[1], ends[2], -1, g.W(edges[1]) + g.W(edges[2]), pair[1..]);
            var gone = false;
            for (var i = 0; i < 3 && !gone; i++)
            {
                int ix = (i + 1) % 3, iy = (i + 2) % 3;

                if (Deletable(ends[i], g.W(edges[i]), ends[ix], g.W(edges[ix]), ends[iy], g.W(edges[iy]), pair[PairOf(i, ix)], pair[PairOf(i, iy)], pair[PairOf(ix, iy)]))
                {
                    g.DeleteEdge(edges[i]);
                    deleted++;
                    gone = true;
                }
            }

            search.Blocked[u] = false;
            _failedAt[u] = gone ? -1 : g.Clock;
            _region[u] = gone ? null : search.EndRegion();
        }

        return deleted;
    }

    // the last test at u failed and no node its searches reached has had an edge added or deleted since
    private bool Unchanged(int u)
    {
        var at = _failedAt[u];
        if (at < 0 || _region[u] is not { } region)
        {
            return false;
        }

        foreach (var v in region)
        {
            if (_g.ChangedAt(v) > at)
            {
                return false;
            }
        }

        return true;
    }

    // the index in Pass's pair array of the distance between ends a and b: 0 for {0, 1}, 1 for {1, 2}, 2 for {0, 2}
    private static int PairOf(int a, int b) => (a + b) switch { 1 => 0, 3 => 1, _ => 2 };

    /// <summary>Whether an optimal tree avoids the edge (u, p), u blocked in the search; <paramref name="xp"/>,
    /// <paramref name="yp"/>, <paramref name="xy"/> are distances without u, or -1 where not found.</summary>
    private bool Deletable(int p, long up, int x, long ux, int y, long uy, long xp, long yp, long xy)
    {
        var g = _g;
        var search = _search;
        var path = _path;
        if (xp < 0 || xp > ux + up || yp < 0 || yp > uy + up)
        {
            return false;
        }

        // x-y not found within ux + uy: counting it as ux + uy keeps the test sound (then the spanning tree below
        // passes only if min(xp, yp) <= up, which alone allows exchanging (u, p))
        xy = xy < 0 || xy > ux + uy ? ux + uy : xy;
        if (xp + yp + xy - Math.Max(xp, Math.Max(yp, xy)) <= ux + uy + up || Math.Min(xp, yp) <= up)
        {
            return true;
        }

        // one search from {x, y} per node of the path answers both which edge may come next and, for that edge,
        // whether {x, y} reaches its far end no longer than the path
        var result = false;
        var at = p;
        var length = up;
        while (!g.IsTerminal(at) && path.Count < _maxPath)
        {
            search.Blocked[at] = true;
            path.Add(at);
            var limit = length;
            foreach (var f in g.Adjacent(at))
            {
                limit = Math.Max(limit, length + g.W(f));
            }

            search.Explore(x, y, limit);
            var candidates = 0;
            int next = -1;
            long nextWeight = 0;
            foreach (var f in g.Adjacent(at))
            {
                var r = g.Other(f, at);
                if (search.Blocked[r] || search.Reached(r) <= Math.Max(length, g.W(f) - 1))
                {
                    continue;
                }

                candidates++;
                next = r;
                nextWeight = g.W(f);
                if (candidates > 1)
                {
                    break;
                }
            }

            var nextReached = candidates == 1 ? search.Reached(next) : long.MaxValue;
            search.Reset();
            if (candidates != 1)
            {
                result = candidates == 0;
                break;
            }

            at = next;
            length += nextWeight;
            search.Mark(at);
            if (nextReached <= length)
            {
                result = true;
                break;
            }
        }

        foreach (var v in path)
        {
            search.Blocked[v] = false;
        }

        path.Clear();
        return result;
    }

    /// <summary>Dijkstra from one or two sources to a target over unblocked nodes, bounded by a length and a count of
    /// scanned edges; its arrays are reused between searches.</summary>
    private sealed class Search(ReductionGraph g, int maxScanned)
    {
        private readonly long[] _distance = InitialDistances(g.NodeCapacity);
        private readonly List<int> _touched = [];
        private readonly PriorityQueue<int, long> _heap = new();
        private readonly int[] _mark = new int[g.NodeCapacity];
        private readonly List<int> _region = [];
        private int _test;

        public bool[] Blocked { get; } = new bool[g.NodeCapacity];

        /// <summary>The distances from <paramref name="a"/> to <paramref name="t1"/> and <paramref name="t2"/> (-1 for
        /// none) into <paramref name="found"/>: each if at most <paramref name="limit"/>, else -1.</summary>
        public void Distances(int a, int t1, int t2, long limit, Span<long> found)
        {
            found[0] = -1;
            if (t2 >= 0)
            {
                found[1] = -1;
            }

            if (limit >= 0)
            {
                Run(a, -1, t1, t2, limit, found);
            }

            Reset();
        }

        /// <summary>Searches from {a, b} (b = -1 for none) up to <paramref name="limit"/> or the scan bound; then
        /// <see cref="Reached"/> tells how far each node was reached, until <see cref="Reset"/>.</summary>
        public void Explore(int a, int b, long limit) => Run(a, b, -1, -1, limit, default);

        /// <summary>The length of a path the last <see cref="Explore"/> found to <paramref name="v"/> (the shortest
        /// where it finished <paramref name="v"/>), or <see cref="long.MaxValue"/> when it did not reach it.</summary>
        public long Reached(int v) => _distance[v];

        /// <summary>Forgets the last search.</summary>
        public void Reset()
        {
            foreach (var v in _touched)
            {
                _distance[v] = long.MaxValue;
            }

            _touched.Clear();
            _heap.Clear();
        }

        private void Run(int a, int b, int t1, int t2, long limit, Span<long> found)
        {
            Reach(a, 0);
            if (b >= 0)
            {
                Reach(b, 0);
            }

            var missing = t1 < 0 ? -1 : t2 >= 0 ? 2 : 1;
            var scanned = 0;
            while (_heap.TryDequeue(out var v, out var d))
            {
                if (d != _distance[v])
                {
                    continue;
                }

                if (t1 >= 0 && (v == t1 || v == t2))
                {
                    found[v == t1 ? 0 : 1] = d;
                    if (--missing == 0)
                    {
                        return;
                    }
                }

                scanned += g.Degree(v);
                if (scanned > maxScanned)
                {
                    return;
                }

                foreach (var e in g.Adjacent(v))
                {
                    var w = g.Other(e, v);
                    var dw = d + g.W(e);
                    if (dw <= limit && !Blocked[w] && dw < _distance[w])
                    {
                        Reach(w, dw);
                    }
                }
            }
        }

        /// <summary>Starts collecting the nodes the searches of one test reach, with u and its neighbours.</summary>
        public void BeginRegion(int u, ReadOnlySpan<int> ends)
        {
            _test++;
            _region.Clear();
            Mark(u);
            foreach (var v in ends)
            {
                Mark(v);
            }
        }

        /// <summary>The nodes reached since <see cref="BeginRegion"/>.</summary>
        public int[] EndRegion() => [.. _region];

        /// <summary>Adds <paramref name="v"/> to the region.</summary>
        public void Mark(int v)
        {
            if (_mark[v] != _test)
            {
                _mark[v] = _test;
                _region.Add(v);
            }
        }

        private void Reach(int v, long d)
        {
            Mark(v);
            if (_distance[v] == long.MaxValue)
            {
                _touched.Add(v);
            }

            _distance[v] = d;
            _heap.Enqueue(v, d);
        }

        private static long[] InitialDistances(int n)
        {
            var d = new long[n];
            Array.Fill(d, long.MaxValue);
            return d;
        }
    }
}
