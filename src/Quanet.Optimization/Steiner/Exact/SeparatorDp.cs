using System.Numerics;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Exact Steiner tree by the send-and-split dynamic programme over terminal subsets (Erickson, Monma and Veinott
/// 1987) with the separator-based pruning of Iwata and Shigemura ("Separator-based pruned dynamic programming for
/// Steiner tree", AAAI 2019). Subsets I of at most half the terminals are taken in order of size; for each, a
/// Dijkstra from the merged trees found for I (the "send" step) gives d(v, I), the cheapest tree spanning I and v,
/// until it reaches a terminal outside I. The pruning: let a be the largest value such that the terminals outside I
/// are connected among the nodes with d(v, I) &gt;= a. Every tree spanning them contains a node u with d(u, I) &lt;= a,
/// so a tree in which I hangs at a node v with d(v, I) &gt; a is not optimal (hang I at u instead); such pairs are
/// dropped before the "split" step merges I with the smaller subsets processed before it at the nodes both keep.
/// Pairs whose cost plus the distance from v to the farthest terminal outside I reaches the incumbent are dropped as
/// well. The answer joins, at one node, a subset with the merge of two others (the three groups of branches at a
/// terminal-balanced centre of the optimal tree, none larger than half the terminals), so no subset larger than half
/// is ever sent: about 2^(k/2) subsets instead of 2^k. Unlike <see cref="LabelSettingSolver"/> it needs no future-cost
/// bound to be strong, which is why it handles the group instances (heavy terminal edges) that defeat the other.
/// </summary>
internal sealed class SeparatorDp
{
    private const long Infinity = long.MaxValue / 4;
    private const int Leaf = -1;

    private readonly SteinerGraph _g;
    private readonly int _k;
    private readonly ulong _all;
    private readonly int[] _terminalIndex;
    private readonly long[][] _terminalDist;
    private readonly long _upper;

    // weights scaled by 2^Shift plus a small perturbation per edge, below 2^Shift over any tree: ties become rare,
    // so the pruning (which keeps pairs at exactly the threshold) keeps fewer; costs compare as before
    private const int Shift = 20;
    private readonly long[] _weight;
    private readonly long _maxEntries;

    // stored entries: node, cost, and how they were built (leaf: A = -1; move along edge e from entry A: B = -2 - e;
    // merge of entries A and B: B >= 0)
    private int[] _node = new int[1 << 12];
    private long[] _cost = new long[1 << 12];
    private int[] _a = new int[1 << 12];
    private int[] _b = new int[1 << 12];
    private int _entries;

    // per node, the processed subsets small enough to be merged later, as (subset index, entry)
    private readonly List<(int Set, int Entry)>[] _atNode;
    private readonly List<ulong> _setMask = [];
    private readonly Dictionary<ulong, Dictionary<int, Pending>> _pending = [];
    private readonly List<ulong>[] _bySize;

    // work arrays of the send step
    private readonly long[] _dist;
    private readonly int[] _fromEntry;
    private readonly int[] _srcA;
    private readonly int[] _srcB;
    private readonly int[] _entryOf;
    private readonly bool[] _settled;
    private readonly bool[] _isTouched;
    private readonly long[] _width;
    private readonly List<int> _touched = [];
    private readonly List<int> _order = [];
    private readonly PriorityQueue<int, long> _heap = new();
    private readonly Stack<int> _stack = new();

    private long _best;
    private int _bestEntry = -1;
    private Pending _bestPartner;
    private long _pendingCount;

    private SeparatorDp(SteinerGraph g, long upper, long maxEntries)
    {
        _g = g;
        _k = g.TerminalCount;
        _all = _k == 64 ? ulong.MaxValue : (1UL << _k) - 1;
        _upper = upper >= Infinity >> (Shift + 2) ? Infinity : upper << Shift;
        _best = _upper;
        _weight = Perturbed(g);
        _maxEntries = maxEntries;
        var n = g.NodeCount;
        _terminalIndex = new int[n];
        Array.Fill(_terminalIndex, -1);
        for (var i = 0; i < _k; i++)
        {
            _terminalIndex[g.Terminals[i]] = i;
        }

        _terminalDist = new long[_k][];
        for (var i = 0; i < _k; i++)
        {
            _terminalDist[i] = ShortestPaths(g, _weight, g.Terminals[i]);
        }

        _atNode = new List<(int, int)>[n];
        for (var v = 0; v < n; v++)
        {
            _atNode[v] = [];
        }

        _bySize = new List<ulong>[_k + 1];
        for (var s = 0; s <= _k; s++)
        {
            _bySize[s] = [];
        }

        _dist = new long[n];
        _fromEntry = new int[n];
        _srcA = new int[n];
        _srcB = new int[n];
        _entryOf = new int[n];
        _settled = new bool[n];
        _isTouched = new bool[n];
        _width = new long[n];
        Array.Fill(_dist, Infinity);
        Array.Fill(_width, -1);
    }

    /// <summary>Largest terminal count the subset masks hold.</summary>
    public const int MaxTerminals = 64;

    /// <summary>
    /// Searches for a tree cheaper than <paramref name="upperBound"/>. Returns (true, tree, cost) when it found the
    /// optimum and it is cheaper, (true, null, upperBound) when it proved that nothing is cheaper, and (false, null, 0)
    /// when it ran out of time or of its budget of <paramref name="maxEntries"/> stored pairs.
    /// </summary>
    public static (bool Solved, int[]? Edges, long Cost, long Entries) Solve(SteinerGraph g, long upperBound, Func<bool> expired, long maxEntries)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(expired);
        if (g.TerminalCount > MaxTerminals)
        {
            return (false, null, 0, 0);
        }

        if (g.TerminalCount <= 1)
        {
            return (true, [], 0, 0);
        }

        var dp = new SeparatorDp(g, upperBound, maxEntries);
        if (!dp.Run(expired))
        {
            return (false, null, 0, dp._entries + dp._pendingCount);
        }

        return dp._bestEntry < 0
            ? (true, null, upperBound, dp._entries)
            : dp.Result();
    }

    private (bool Solved, int[]? Edges, long Cost, long Entries) Result()
    {
        var tree = Tree();
        return (true, tree, _g.CostOf(tree), _entries);
    }

    private bool Run(Func<bool> expired)
    {
        for (var i = 0; i < _k; i++)
        {
            var mask = 1UL << i;
            _pending[mask] = new Dictionary<int, Pending> { [_g.Terminals[i]] = new Pending(0, Leaf, Leaf) };
            _bySize[1].Add(mask);
        }

        for (var size = 1; 2 * size <= _k; size++)
        {
            var level = _bySize[size];
            level.Sort();
            foreach (var mask in level)
            {
                if (expired() || _entries + _pendingCount > _maxEntries)
                {
                    return false;
                }

                Process(mask, size);
            }

            level.Clear();
        }

        return true;
    }

    private void Process(ulong mask, int size)
    {
        var sources = _pending[mask];
        if (2 * size < _k)
        {
            _pending.Remove(mask);
            _pendingCount -= sources.Count;
        }

        var outside = Send(mask, sources);
        var atMost = outside < 0 ? Infinity : Separator(mask, outside, _k - size);
        var first = _entries;
        foreach (var v in _order)
        {
            if (_dist[v] > atMost)
            {
                continue;
            }

            var from = _fromEntry[v];
            _entryOf[v] = Store(v, _dist[v], from < 0 ? _srcA[v] : from, _srcB[v]);
        }

        // moves were stored with the predecessor's node in A: turn it into the entry (always stored: it is cheaper)
        for (var e = first; e < _entries; e++)
        {
            if (_b[e] <= -2)
            {
                _a[e] = _entryOf[_a[e]];
            }
        }

        Merge(mask, size, first);
        Finish(mask, first);
        if (3 * size <= _k)
        {
            var set = _setMask.Count;
            for (var e = first; e < _entries; e++)
            {
                _atNode[_node[e]].Add((set, e));
            }
        }

        _setMask.Add(mask);
        foreach (var v in _touched)
        {
            _dist[v] = Infinity;
            _settled[v] = false;
            _isTouched[v] = false;
            _width[v] = -1;
        }

        _touched.Clear();
    }

    /// <summary>The send step; returns the first terminal outside the subset it settles, or -1.</summary>
    private int Send(ulong mask, Dictionary<int, Pending> sources)
    {
        _order.Clear();
        _heap.Clear();
        foreach (var (v, p) in sources)
        {
            Touch(v);
            if (p.Cost < _dist[v])
            {
                _dist[v] = p.Cost;
                _fromEntry[v] = -1;
                _srcA[v] = p.A;
                _srcB[v] = p.B;
                _heap.Enqueue(v, p.Cost);
            }
        }

        while (_heap.TryDequeue(out var v, out var d))
        {
            if (_settled[v] || d != _dist[v])
            {
                continue;
            }

            _settled[v] = true;
            var t = _terminalIndex[v];
            var outsideTerminal = t >= 0 && (mask & (1UL << t)) == 0;
            if (d + FarthestOutside(v, mask) >= _upper)
            {
                // no tree cheaper than the incumbent holds I hanging at v (nor, by the triangle inequality, beyond it)
                continue;
            }

            _order.Add(v);
            if (outsideTerminal)
            {
                // the nodes as far as v are settled too (the pruning keeps them: it drops only what lies beyond)
                while (_heap.TryPeek(out var w, out var dw) && dw == d)
                {
                    _heap.Dequeue();
                    if (!_settled[w] && dw == _dist[w])
                    {
                        _settled[w] = true;
                        if (d + FarthestOutside(w, mask) < _upper)
                        {
                            _order.Add(w);
                        }
                    }
                }

                return v;
            }

            foreach (var e in _g.IncidentEdges(v))
            {
                var w = _g.Other(e, v);
                var nd = d + _weight[e];
                Touch(w);
                if (nd < _dist[w])
                {
                    _dist[w] = nd;
                    _fromEntry[w] = v;
                    _srcB[w] = -2 - e;
                    _heap.Enqueue(w, nd);
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The largest a such that the <paramref name="count"/> terminals outside the subset are connected among the nodes
    /// whose (known or overestimated) d(v, I) is at least a: a widest-path search from <paramref name="start"/>.
    /// </summary>
    private long Separator(ulong mask, int start, int count)
    {
        if (count == 1)
        {
            return _dist[start];
        }

        _heap.Clear();
        _stack.Clear();
        _width[start] = _dist[start];
        _heap.Enqueue(start, -_dist[start]);
        var found = 0;
        while (_heap.TryDequeue(out var u, out var negative))
        {
            var d = -negative;
            if (d != _width[u])
            {
                continue;
            }

            _stack.Push(u);
            while (_stack.TryPop(out var x))
            {
                var t = _terminalIndex[x];
                if (t >= 0 && (mask & (1UL << t)) == 0 && ++found == count)
                {
                    return d;
                }

                foreach (var e in _g.IncidentEdges(x))
                {
                    var w = _g.Other(e, x);
                    Touch(w);
                    var wd = Math.Min(d, _dist[w]);
                    if (wd > _width[w])
                    {
                        _width[w] = wd;
                        if (wd == d)
                        {
                            _stack.Push(w);
                        }
                        else
                        {
                            _heap.Enqueue(w, -wd);
                        }
                    }
                }
            }
        }

        // the outside terminals are not all connected: no tree spans them (cannot happen on a connected graph)
        return -1;
    }

    /// <summary>The split step: merges the new pairs with those of the smaller disjoint subsets at the same node.</summary>
    private void Merge(ulong mask, int size, int first)
    {
        for (var e = first; e < _entries; e++)
        {
            var v = _node[e];
            var cost = _cost[e];
            foreach (var (set, other) in _atNode[v])
            {
                var otherMask = _setMask[set];
                if ((otherMask & mask) != 0)
                {
                    continue;
                }

                var otherSize = BitOperations.PopCount(otherMask);
                if ((2 * size) + otherSize > _k)
                {
                    continue;
                }

                var union = mask | otherMask;
                var total = cost + _cost[other];
                if (total + FarthestOutside(v, union) >= _upper)
                {
                    continue;
                }

                if (!_pending.TryGetValue(union, out var at))
                {
                    at = [];
                    _pending[union] = at;
                    var unionSize = size + otherSize;
                    if (2 * unionSize <= _k)
                    {
                        _bySize[unionSize].Add(union);
                    }
                }

                if (!at.TryGetValue(v, out var known))
                {
                    _pendingCount++;
                    at[v] = new Pending(total, e, other);
                }
                else if (total < known.Cost)
                {
                    at[v] = new Pending(total, e, other);
                }
            }
        }
    }

    /// <summary>Joins the new pairs with the merged trees of the complement at the same node.</summary>
    private void Finish(ulong mask, int first)
    {
        if (!_pending.TryGetValue(_all & ~mask, out var complement))
        {
            return;
        }

        for (var e = first; e < _entries; e++)
        {
            if (complement.TryGetValue(_node[e], out var p) && _cost[e] + p.Cost < _best)
            {
                _best = _cost[e] + p.Cost;
                _bestEntry = e;
                _bestPartner = p;
            }
        }
    }

    private long FarthestOutside(int v, ulong mask)
    {
        long far = 0;
        var rest = _all & ~mask;
        while (rest != 0)
        {
            var t = BitOperations.TrailingZeroCount(rest);
            rest &= rest - 1;
            far = Math.Max(far, _terminalDist[t][v]);
        }

        return far;
    }

    private void Touch(int v)
    {
        if (!_isTouched[v])
        {
            _isTouched[v] = true;
            _touched.Add(v);
        }
    }

    private int Store(int v, long cost, int a, int b)
    {
        if (_entries == _node.Length)
        {
            var size = _node.Length * 2;
            Array.Resize(ref _node, size);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _a, size);
            Array.Resize(ref _b, size);
        }

        _node[_entries] = v;
        _cost[_entries] = cost;
        _a[_entries] = a;
        _b[_entries] = b;
        return _entries++;
    }

    /// <summary>The edges of the best join, made a tree (an edge used twice is kept once, a cycle broken).</summary>
    private int[] Tree()
    {
        var used = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(_bestEntry);
        if (_bestPartner.A >= 0)
        {
            stack.Push(_bestPartner.A);
            stack.Push(_bestPartner.B);
        }

        while (stack.TryPop(out var e))
        {
            var (a, b) = (_a[e], _b[e]);
            if (a < 0)
            {
                continue;
            }

            stack.Push(a);
            if (b >= 0)
            {
                stack.Push(b);
            }
            else
            {
                used.Add(-2 - b);
            }
        }

        return SpanningTree(used);
    }

    private int[] SpanningTree(HashSet<int> used)
    {
        var edges = used.OrderBy(_g.Weight).ThenBy(e => e).ToArray();
        var parent = new int[_g.NodeCount];
        UnionFind.Reset(parent);
        var tree = new List<int>();
        foreach (var e in edges)
        {
            int a = UnionFind.Find(parent, _g.Tail(e)), b = UnionFind.Find(parent, _g.Head(e));
            if (a != b)
            {
                parent[a] = b;
                tree.Add(e);
            }
        }

        return tree.ToArray();
    }

    private static long[] Perturbed(SteinerGraph g)
    {
        var range = Math.Max(1, (1 << Shift) / Math.Max(1, g.NodeCount));
        var weight = new long[g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var mix = (uint)((g.Tail(e) * 73_856_093) ^ (g.Head(e) * 19_349_663) ^ (e * 83_492_791));
            weight[e] = (g.Weight(e) << Shift) + (mix % (uint)range);
        }

        return weight;
    }

    private static long[] ShortestPaths(SteinerGraph g, long[] weight, int source)
    {
        var dist = new long[g.NodeCount];
        Array.Fill(dist, Infinity);
        dist[source] = 0;
        var heap = new PriorityQueue<int, long>();
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out var v, out var d))
        {
            if (d != dist[v])
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(v))
            {
                var w = g.Other(e, v);
                var nd = d + weight[e];
                if (nd < dist[w])
                {
                    dist[w] = nd;
                    heap.Enqueue(w, nd);
                }
            }
        }

        return dist;
    }

    private readonly record struct Pending(long Cost, int A, int B);
}
