using Mask = System.UInt128;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>The send step of <see cref="SeparatorDp"/> and the separator of its first pruning.</summary>
internal sealed partial class SeparatorDp
{
    /// <summary>
    /// The send step; returns the first terminal outside the subset whose distance is final, or -1. With several
    /// terminals outside, a terminal's distance is final once all its neighbours are settled, before the search
    /// reaches it (on group instances its edges are the heaviest by far); the separator then lies no farther than the
    /// last node settled, since every path from that terminal leaves through a settled neighbour.
    /// </summary>
    private int Send(Mask mask, Dictionary<int, Pending> sources, bool several)
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

        // a node inside a start tree is spanned with I by that tree: its distance is at most the tree's cost. Such a
        // node, and what it reaches first, is a blocker: hanging I there as the programme would is never optimal (a
        // cheaper tree exists), so it is not stored, but its distance still lowers the separator.
        var touched = _touched.Count;
        for (var i = 0; i < touched; i++)
        {
            var v = _touched[i];
            if (_blockDist[v] < _dist[v])
            {
                _dist[v] = _blockDist[v];
                _blocked[v] = true;
                _heap.Enqueue(v, _dist[v]);
            }
        }

        var found = -1;
        var level = 0L;
        while (found < 0 && _heap.TryDequeue(out var v, out var d))
        {
            if (_settled[v] || d != _dist[v])
            {
                continue;
            }

            _settled[v] = true;
            var t = _terminalIndex[v];
            if (d + FarthestOutside(v, mask) >= _upper)
            {
                // no tree cheaper than the incumbent holds I hanging at v (nor, by the triangle inequality, beyond it)
                continue;
            }

            _order.Add(v);
            level = d;
            if (t >= 0 && !Has(mask, t))
            {
                found = v;
                break;
            }

            var blocked = _blocked[v];
            foreach (var e in _g.IncidentEdges(v))
            {
                var w = _g.Other(e, v);
                var nd = d + _weight[e];
                Touch(w);
                if (nd < _dist[w] || (nd == _dist[w] && !blocked && _blocked[w] && !_settled[w]))
                {
                    // on a tie the programme's own tree wins: only a strictly cheaper one proves a pair useless
                    _dist[w] = nd;
                    _blocked[w] = blocked;
                    _fromEntry[w] = v;
                    _srcB[w] = -2 - e;
                    _heap.Enqueue(w, nd);
                }

                var tw = _terminalIndex[w];
                if (several && tw >= 0 && !Has(mask, tw) && !_settled[w] && ++_reached[w] == _g.Degree(w))
                {
                    found = w;
                }
            }
        }

        if (found >= 0)
        {
            // the nodes as far as the last one settled are settled too (the pruning keeps them: it drops only beyond);
            // a terminal found through its neighbours lies beyond and is not stored
            while (_heap.TryPeek(out var w, out var dw) && dw == level)
            {
                _heap.Dequeue();
                if (!_settled[w] && dw == _dist[w])
                {
                    _settled[w] = true;
                    if (dw + FarthestOutside(w, mask) < _upper)
                    {
                        _order.Add(w);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The largest a such that the <paramref name="count"/> terminals outside the subset are connected among the nodes
    /// whose (known or overestimated) d(v, I) is at least a: a widest-path search from <paramref name="start"/>.
    /// </summary>
    private long Separator(Mask mask, int start, int count)
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
                if (t >= 0 && !Has(mask, t) && ++found == count)
                {
                    return d;
                }

                foreach (var e in _g.IncidentEdges(x))
                {
                    var w = _g.Other(e, x);
                    if (_keepOut[w] > 0)
                    {
                        continue;
                    }

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
}
