namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Exact Steiner tree by dynamic programming over terminal subsets (Erickson, Monma and Veinott 1987;
/// Dreyfus and Wagner 1971) run as a label-setting algorithm in the style of Hougardy, Silvanus and Vygen,
/// "Dijkstra meets Steiner" (Math. Prog. Comp. 9, 2017). A label (v, I) is the cheapest tree found so far
/// spanning node v and the terminal subset I (the root terminal excluded); labels become permanent in
/// order of cost, grow along edges and merge at a node with disjoint permanent labels. Only labels that
/// can still lead to a tree cheaper than the incumbent are kept: a label is dropped when its cost plus a
/// lower bound on connecting v to the remaining terminals (1-tree bound in the terminal distance metric)
/// reaches the incumbent, or when its cost exceeds an upper bound on joining I to any other terminal
/// (then no optimal tree holds it as a subtree). Both tests keep every optimal tree cheaper than the
/// incumbent, so an empty queue proves the incumbent (or the best tree found on the way) optimal.
/// </summary>
internal sealed partial class LabelSettingSolver
{
    private const int NoPred = -1;
    private const int MergePred = -2;

    private readonly SteinerGraph _g;
    private readonly int _k;
    private readonly int _root;
    private readonly int _nodeBits;
    private readonly long _full;
    private readonly int _maxLabels;
    private const int MaxDirectIndexBits = 25;

    // Label ids by key and subset upper bounds: plain arrays when the key space is small, hash maps beyond.
    private readonly LongHashMap? _index;
    private readonly int[]? _directIndex;
    private readonly SubsetTable _subsetUpper;
    private readonly int[] _terminalIndex;
    private readonly PriorityQueue<int, long> _queue = new();
    private readonly long[][] _setsAtNode;
    private readonly long[][] _costsAtNode;
    private readonly int[] _countAtNode;
    private long[] _key = new long[1 << 16];
    private long[] _cost = new long[1 << 16];
    private int[] _pred = new int[1 << 16];
    private long[] _predMask = new long[1 << 16];
    private bool[] _permanent = new bool[1 << 16];
    private int _count;
    private long _upper;
    private int _best = -1;
    private bool _overflow;

    private LabelSettingSolver(SteinerGraph g, long upper, int maxLabels)
    {
        _g = g;
        _upper = upper;
        _maxLabels = maxLabels;
        var terminals = g.Terminals;
        _k = terminals.Length - 1;
        _root = ChooseRoot(g);
        _terminals = new int[_k + 1];
        var j = 0;
        foreach (var t in terminals)
        {
            if (t != _root)
            {
                _terminals[j++] = t;
            }
        }

        _terminals[_k] = _root;
        _full = (1L << _k) - 1;
        _nodeBits = 1;
        while ((1 << _nodeBits) < g.NodeCount)
        {
            _nodeBits++;
        }

        _setsAtNode = new long[g.NodeCount][];
        _costsAtNode = new long[g.NodeCount][];
        _countAtNode = new int[g.NodeCount];
        _terminalIndex = new int[g.NodeCount];
        Array.Fill(_terminalIndex, -1);
        for (var i = 0; i < _k; i++)
        {
            _terminalIndex[_terminals[i]] = i;
        }

        // Shortest paths from the root come last, so the returned tree is the root's.
        (_dist, _rootPred) = TerminalDistances(g, _terminals, g.Weight);
        _nodePotential = TerminalPotentials(g);
        _potential = new long[_k + 1];
        for (var i = 0; i <= _k; i++)
        {
            _potential[i] = _nodePotential[_terminals[i]];
        }

        var potentials = _nodePotential;
        (_potentialDist, _) = TerminalDistances(g, _terminals, e => g.Weight(e) - potentials[g.Tail(e)] - potentials[g.Head(e)]);
        if (_k + _nodeBits <= MaxDirectIndexBits)
        {
            _directIndex = new int[1 << (_k + _nodeBits)];
        }
        else
        {
            _index = new LongHashMap(20);
        }

        _subsetUpper = new SubsetTable(_k, long.MaxValue);
        _complementTree = new SubsetTable(_k, -1);
        _potentialComplementTree = new SubsetTable(_k, -1);
    }

    /// <summary>Labels created (a measure of the work done).</summary>
    public int Labels => _count;

    /// <summary>Whether <paramref name="g"/> is small enough in terminals and nodes for a 63-bit label key.</summary>
    public static bool Applicable(SteinerGraph g, int maxTerminals)
    {
        var bits = 1;
        while ((1 << bits) < g.NodeCount)
        {
            bits++;
        }

        var k = g.TerminalCount - 1;
        return k >= 1 && k <= maxTerminals && k + bits <= 62;
    }

    /// <summary>
    /// Searches for a tree cheaper than <paramref name="upperBound"/>. Returns (true, tree, cost) when it
    /// found the optimum and it is cheaper, (true, null, upperBound) when it proved that nothing is cheaper,
    /// and (false, null, 0) when it ran out of time or of its label budget.
    /// </summary>
    public static (bool Solved, int[]? Edges, long Cost, int Labels) Solve(SteinerGraph g, long upperBound, Func<bool> expired, int maxLabels)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(expired);
        var solver = new LabelSettingSolver(g, upperBound, maxLabels);
        if (!solver.Run(expired))
        {
            return (false, null, 0, solver.Labels);
        }

        return solver._best < 0
            ? (true, null, upperBound, solver.Labels)
            : (true, solver.Reconstruct(solver._best), solver._upper, solver.Labels);
    }

    private bool Run(Func<bool> expired)
    {
        for (var j = 0; j < _k; j++)
        {
            TryImprove(_terminals[j], 1L << j, 0, NoPred, 0);
        }

        var pops = 0;
        while (_queue.TryDequeue(out var id, out var priority))
        {
            if (_overflow || ((++pops & 1023) == 0 && expired()))
            {
                return false;
            }

            if (_permanent[id] || priority != _cost[id])
            {
                continue;
            }

            var v = (int)(_key[id] & ((1L << _nodeBits) - 1));
            var set = _key[id] >> _nodeBits;
            var cost = _cost[id];

            // The incumbent may have improved since the label was queued.
            if (cost + FutureBound(v, set, out _) >= _upper)
            {
                continue;
            }

            _permanent[id] = true;
            if (v != _root)
            {
                foreach (var e in _g.IncidentEdges(v))
                {
                    TryImprove(_g.Other(e, v), set, cost + _g.Weight(e), e, 0);
                }
            }

            // Permanent labels of a node are kept contiguous: this scan is the hot loop of the programme.
            // They became permanent in order of cost, so the scan stops at the first partner too dear even
            // for the cheapest completion (the path to the root).
            var count = _countAtNode[v];
            var sets = _setsAtNode[v];
            var costs = _costsAtNode[v];
            var limit = _upper - _dist[(v * (_k + 1)) + _k] - cost;
            for (var i = 0; i < count; i++)
            {
                if (costs[i] >= limit)
                {
                    break;
                }

                var otherSet = sets[i];
                if ((otherSet & set) == 0)
                {
                    TryImprove(v, set | otherSet, cost + costs[i], MergePred, otherSet);
                }
            }

            AddToNode(v, set, cost);
        }

        return !_overflow;
    }

    /// <summary>Offers cost <paramref name="cost"/> for label (<paramref name="v"/>, <paramref name="set"/>).</summary>
    private void TryImprove(int v, long set, long cost, int pred, long predMask)
    {
        if (cost >= _upper || cost + QuickBound(v, set) >= _upper)
        {
            return;
        }

        var key = (set << _nodeBits) | (uint)v;
        var id = FindLabel(key);
        if (id >= 0 && (_permanent[id] || _cost[id] <= cost))
        {
            return;
        }

        var subsetUpper = SubsetUpper(set);
        if (cost > subsetUpper)
        {
            return;
        }

        var bound = FutureBound(v, set, out var nearest);
        if (cost + bound >= _upper)
        {
            return;
        }

        // The label's tree plus a path to the nearest terminal outside the set joins the set to another terminal.
        var join = cost + nearest;
        if (join < subsetUpper)
        {
            SetSubsetUpper(set, join);
        }

        if (id < 0)
        {
            if (_count >= _maxLabels)
            {
                _overflow = true;
                return;
            }

            id = NewLabel(key);
        }

        _cost[id] = cost;
        _pred[id] = pred;
        _predMask[id] = predMask;
        if (set == _full)
        {
            // A tree spanning every other terminal: completing it by the shortest path to the root is a
            // solution; no label is needed beyond that, because the bound of the label is that very path.
            var total = cost + _dist[(v * (_k + 1)) + _k];
            if (total < _upper)
            {
                _upper = total;
                _best = id;
            }

            return;
        }

        _queue.Enqueue(id, cost);
    }

    private void AddToNode(int v, long set, long cost)
    {
        var count = _countAtNode[v];
        if (_setsAtNode[v] is null || count == _setsAtNode[v].Length)
        {
            var size = Math.Max(8, 2 * count);
            Array.Resize(ref _setsAtNode[v], size);
            Array.Resize(ref _costsAtNode[v], size);
        }

        _setsAtNode[v][count] = set;
        _costsAtNode[v][count] = cost;
        _countAtNode[v] = count + 1;
    }

    private int FindLabel(long key) => _directIndex is { } direct ? direct[key] - 1 : (int)_index!.Get(key, -1);

    private long SubsetUpper(long set) => _subsetUpper.Get(set);

    private void SetSubsetUpper(long set, long value) => _subsetUpper.Set(set, value);

    private int NewLabel(long key)
    {
        if (_count == _key.Length)
        {
            var size = _key.Length * 2;
            Array.Resize(ref _key, size);
            Array.Resize(ref _cost, size);
            Array.Resize(ref _pred, size);
            Array.Resize(ref _predMask, size);
            Array.Resize(ref _permanent, size);
        }

        var id = _count++;
        _key[id] = key;
        if (_directIndex is { } direct)
        {
            direct[key] = id + 1;
        }
        else
        {
            _index!.Set(key, id);
        }
        return id;
    }

    private static int ChooseRoot(SteinerGraph g)
    {
        var root = g.Terminals[0];
        foreach (var t in g.Terminals)
        {
            if (g.Degree(t) > g.Degree(root))
            {
                root = t;
            }
        }

        return root;
    }
}
