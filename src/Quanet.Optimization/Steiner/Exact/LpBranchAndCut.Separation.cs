namespace Quanet.Optimization.Steiner.Exact;

/// <summary>Steiner cut separation by maximum flow, for the terminals and the vertices forced into the tree.</summary>
internal sealed partial class LpBranchAndCut
{
    /// <summary>Per arc, a small capacity added so that, of the minimum cuts, one with few arcs is found.</summary>
    private const double Creep = 1e-6;

    private readonly MaxFlow _flow;
    private readonly double[] _capacity;
    private readonly bool[] _side;
    private readonly List<int> _cutBuffer = [];
    private int _separated;

    /// <summary>
    /// Separates violated cuts between the root and every terminal (valid everywhere) and every vertex forced in
    /// (valid below this node), with up to <paramref name="nested"/> nested cuts each; adds them to the LP and
    /// returns how many.
    /// </summary>
    private int Separate(int nested)
    {
        _separated = 0;
        for (var t = 0; t < _g.NodeCount; t++)
        {
            if (t != _root && (_g.IsTerminal(t) || _forcedIn[t]))
            {
                SeparateTarget(t, nested);
            }
        }

        if (_separated > 0)
        {
            FlushRows();
        }

        return _separated;
    }

    private void SeparateTarget(int t, int nested)
    {
        for (var a = 0; a < _capacity.Length; a++)
        {
            _capacity[a] = _usable[a] ? _value[a] + Creep : 0.0;
        }

        for (var round = 0; round < nested; round++)
        {
            var f = _flow.Run(_capacity, _root, t, 1.0);
            if (f >= 1.0 - 1e-6)
            {
                return;
            }

            _flow.SinkSide(t, _side);
            if (!CollectCut(into: true))
            {
                return; // t cannot be reached over usable arcs: the LP will say infeasible
            }

            var arcs = _cutBuffer.ToArray();
            Record(arcs, t);
            foreach (var arc in arcs)
            {
                _capacity[arc] = 1.0;
            }

            if (round == 0 && _flow.SourceSide(_root, _side) && !_side[t] && CollectCut(into: false) && _cutBuffer.Count != arcs.Length)
            {
                // Back cut: the minimum cut nearest the root, often a different and useful inequality.
                Record(_cutBuffer.ToArray(), t);
            }
        }
    }

    /// <summary>Collects into the buffer the usable arcs entering the marked side (into) or leaving it; false if none.</summary>
    private bool CollectCut(bool into)
    {
        var g = _g;
        _cutBuffer.Clear();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            int a = g.Tail(e), b = g.Head(e);
            if (_side[a] == _side[b])
            {
                continue;
            }

            var arc = _side[b] == into ? 2 * e : (2 * e) + 1;
            if (_usable[arc])
            {
                _cutBuffer.Add(arc);
            }
        }

        return _cutBuffer.Count > 0;
    }

    private void Record(int[] arcs, int target)
    {
        StoreCut(arcs, _g.IsTerminal(target) ? -1 : target);
        _separated++;
    }
}
