using Mask = System.UInt128;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// The second pruning of <see cref="SeparatorDp"/>, from the chains of the trees merged for a subset I. A chain is a
/// path of a tree between two of its branch nodes or terminals. When node u lies in every tree the send step starts
/// from, and in each of them some chain on the way from its root down to u is at least L long (the part down to u
/// counted for u's own chain), then no optimal tree in which I hangs as a whole has the rest of the tree (the part
/// spanning the other terminals) pass within a distance below L of u: replacing that chain by the shorter path would be
/// cheaper. The rest is therefore kept out of the ball; when a terminal outside I lies in it, I never hangs as a whole
/// in an optimal tree and all its pairs are dropped, and the separator of the first pruning is sought outside the balls.
/// </summary>
internal sealed partial class SeparatorDp
{
    /// <summary>Tree nodes visited per subset at most, in multiples of the node count; beyond it no chain is used.</summary>
    private const int TraceWorkFactor = 8;

    // radius of the ball kept free of the rest (0: none), the number of start trees through a node, the start tree
    // that last counted it, and the least chain bound over those trees
    private readonly long[] _keepOut;
    private readonly int[] _inTrees;
    private readonly int[] _treeMark;
    private readonly long[] _chainMin;
    private readonly Stack<(int Entry, long Chain, long Longest)> _trace = new();
    private int _treeId;
    private long _cost0;

    /// <summary>
    /// Sets the ball radii of the nodes in every start tree from their chains; false when a start is a single terminal
    /// (no chain) or the trees are too large to trace within the work limit (then no ball is used).
    /// </summary>
    private bool TraceChains(Dictionary<int, Pending> sources)
    {
        var budget = (long)TraceWorkFactor * _g.NodeCount;
        var trees = 0;
        foreach (var (x, p) in sources)
        {
            if (p.A < 0)
            {
                return false;
            }

            trees++;
            _treeId++;
            _cost0 = p.Cost;
            Count(x, 0);
            _trace.Clear();
            _trace.Push((p.A, 0, 0));
            _trace.Push((p.B, 0, 0));
            while (_trace.TryPop(out var item))
            {
                if (--budget < 0)
                {
                    // the blockers found so far stay: each is spanned with I by a tree of that cost
                    ClearChains();
                    return false;
                }

                var (e, chain, longest) = item;
                int a = _a[e], b = _b[e];
                if (a < 0)
                {
                    continue;
                }

                if (b >= 0)
                {
                    // a merge: a branch node, where the chains below begin
                    _trace.Push((a, 0, longest));
                    _trace.Push((b, 0, longest));
                    continue;
                }

                // a move along edge -2 - b from the node of entry a
                var u = _node[a];
                var length = chain + _weight[-2 - b];
                var bound = Math.Max(longest, length);
                Count(u, bound);

                // a terminal ends a chain: taking a chain out must not cut a terminal off
                _trace.Push((a, _terminalIndex[u] >= 0 ? 0 : length, bound));
            }
        }

        foreach (var v in _touched)
        {
            _keepOut[v] = _inTrees[v] == trees ? _chainMin[v] : 0;
        }

        return true;
    }

    /// <summary>
    /// Grows the balls by the distances (a node within L - d(u, w) of w is within L of u) and reports whether every
    /// terminal outside <paramref name="mask"/> lies outside them.
    /// </summary>
    private bool Spread(Mask mask)
    {
        _heap.Clear();
        var seeds = _touched.Count;
        for (var i = 0; i < seeds; i++)
        {
            var v = _touched[i];
            if (_keepOut[v] > 0)
            {
                _heap.Enqueue(v, -_keepOut[v]);
            }
        }

        while (_heap.TryDequeue(out var u, out var negative))
        {
            var radius = -negative;
            if (radius != _keepOut[u])
            {
                continue;
            }

            var t = _terminalIndex[u];
            if (t >= 0 && !Has(mask, t))
            {
                return false;
            }

            foreach (var e in _g.IncidentEdges(u))
            {
                var w = _g.Other(e, u);
                var rest = radius - _weight[e];
                if (rest > _keepOut[w])
                {
                    Touch(w);
                    _keepOut[w] = rest;
                    _heap.Enqueue(w, -rest);
                }
            }
        }

        return true;
    }

    private void Count(int u, long bound)
    {
        Touch(u);
        _blockDist[u] = Math.Min(_blockDist[u], _cost0);
        if (_treeMark[u] != _treeId)
        {
            _treeMark[u] = _treeId;
            _chainMin[u] = _inTrees[u] == 0 ? bound : Math.Min(_chainMin[u], bound);
            _inTrees[u]++;
        }
        else
        {
            _chainMin[u] = Math.Min(_chainMin[u], bound);
        }
    }

    private void ClearChains()
    {
        foreach (var v in _touched)
        {
            _keepOut[v] = 0;
        }
    }
}
