using Mask = System.UInt128;

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
internal sealed partial class SeparatorDp
{
    private const long Infinity = long.MaxValue / 4;
    private const int Leaf = -1;

    private readonly SteinerGraph _g;
    private readonly int _k;
    private readonly Mask _all;
    private readonly int[] _terminalIndex;
    private readonly long[][] _terminalDist;
    private readonly int[] _farOrder;
    private readonly long _upper;

    // weights scaled by 2^shift plus a small perturbation per edge, below 2^shift over any tree: ties become rare,
    // so the pruning (which keeps pairs at exactly the threshold) keeps fewer; costs compare as before. The shift is
    // MaxShift unless the total weight is so large that scaled costs could overflow (then smaller, down to none).
    private const int MaxShift = 20;
    private readonly int _shift;
    private readonly long[] _weight;
    private readonly long _maxEntries;

    // stored entries: node, cost, and how they were built (leaf: A = -1; move along edge e from entry A: B = -2 - e;
    // merge of entries A and B: B >= 0)
    private int[] _node = new int[1 << 12];
    private long[] _cost = new long[1 << 12];
    private int[] _a = new int[1 << 12];
    private int[] _b = new int[1 << 12];
    private int _entries;

    // the processed subsets small enough to be merged later (a third of the terminals at most), and the first entry
    // of each processed subset (a subset's entries are consecutive)
    private readonly List<Mask> _setMask = [];
    private readonly List<int> _setStart = [0];
    private readonly SubsetTrie _small;
    private readonly List<int> _disjoint = [];
    private readonly int[] _mine;
    private readonly int[] _region;
    private int _stamp;
    private readonly Dictionary<Mask, Dictionary<int, Pending>> _pending = [];
    private readonly List<Mask>[] _bySize;

    // work arrays of the send step
    private readonly long[] _dist;
    private readonly int[] _fromEntry;
    private readonly int[] _srcA;
    private readonly int[] _srcB;
    private readonly int[] _entryOf;
    private readonly bool[] _settled;
    private readonly bool[] _isTouched;
    private readonly int[] _reached;
    private readonly bool[] _blocked;
    private readonly long[] _blockDist;
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
        _all = _k == MaxTerminals ? Mask.MaxValue : (Mask.One << _k) - 1;
        (_weight, _shift) = Perturbed(g);
        _upper = upper >= Infinity >> (_shift + 2) ? Infinity : upper << _shift;
        _best = _upper;
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

        // per node, the terminals from the farthest to the nearest
        _farOrder = new int[n * _k];
        var byDistance = new long[_k];
        for (var v = 0; v < n; v++)
        {
            var order = _farOrder.AsSpan(v * _k, _k);
            for (var i = 0; i < _k; i++)
            {
                order[i] = i;
                byDistance[i] = -_terminalDist[i][v];
            }

            byDistance.AsSpan().Sort(order);
        }

        _small = new SubsetTrie(_k);
        _region = Regions(g);
        _mine = new int[n];

        _bySize = new List<Mask>[_k + 1];
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
        _reached = new int[n];
        _blocked = new bool[n];
        _blockDist = new long[n];
        Array.Fill(_blockDist, Infinity);
        _width = new long[n];
        Array.Fill(_dist, Infinity);
        Array.Fill(_width, -1);
        _keepOut = new long[n];
        _inTrees = new int[n];
        _treeMark = new int[n];
        _chainMin = new long[n];
    }

    /// <summary>Largest terminal count the subset masks hold.</summary>
    public const int MaxTerminals = 128;

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
            var mask = Mask.One << i;
            _pending[mask] = new Dictionary<int, Pending> { [_g.Terminals[i]] = new Pending(0, Leaf, Leaf) };
            _bySize[1].Add(mask);
        }

        for (var size = 1; 2 * size <= _k; size++)
        {
            var level = _bySize[size];
            level.Sort();
            foreach (var mask in level)
            {
                if (expired() || _entries + _pendingCount + (2L * _small.Nodes) > _maxEntries)
                {
                    return false;
                }

                Process(mask, size);
            }

            level.Clear();
        }

        return true;
    }

    private void Process(Mask mask, int size)
    {
        var sources = _pending[mask];
        if (2 * size < _k)
        {
            _pending.Remove(mask);
            _pendingCount -= sources.Count;
        }

        var traced = TraceChains(sources);
        var outside = Send(mask, sources, _k - size > 1);
        var atMost = traced && !Spread(mask) ? -1 : outside < 0 ? Infinity : Separator(mask, outside, _k - size);
        var first = _entries;
        foreach (var v in _order)
        {
            if (_dist[v] > atMost || _blocked[v])
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
        if (3 * size <= _k && _entries > first)
        {
            Span<ulong> signature = stackalloc ulong[SubsetTrie.Words];
            for (var e = first; e < _entries; e++)
            {
                SubsetTrie.Sign(signature, _region[_node[e]]);
            }

            _small.Add(mask, _setMask.Count, signature);
        }

        _setMask.Add(mask);
        _setStart.Add(_entries);
        foreach (var v in _touched)
        {
            _dist[v] = Infinity;
            _settled[v] = false;
            _isTouched[v] = false;
            _reached[v] = 0;
            _blocked[v] = false;
            _blockDist[v] = Infinity;
            _width[v] = -1;
            _keepOut[v] = 0;
            _inTrees[v] = 0;
        }

        _touched.Clear();
    }

    /// <summary>Joins the new pairs with the merged trees of the complement at the same node.</summary>
    private void Finish(Mask mask, int first)
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

    /// <summary>Distance from <paramref name="v"/> to the farthest terminal outside <paramref name="mask"/>.</summary>
    private long FarthestOutside(int v, Mask mask)
    {
        var order = _farOrder.AsSpan(v * _k, _k);
        foreach (var t in order)
        {
            if (!Has(mask, t))
            {
                return _terminalDist[t][v];
            }
        }

        return 0;
    }

    private static bool Has(Mask mask, int t) => ((mask >> t) & Mask.One) != Mask.Zero;

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

    private readonly record struct Pending(long Cost, int A, int B);
}
