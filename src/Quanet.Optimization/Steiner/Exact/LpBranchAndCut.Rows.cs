namespace Quanet.Optimization.Steiner.Exact;

/// <summary>The LP's rows: the base formulation, the cuts in the LP and in the pool, and a node's bounds.</summary>
internal sealed partial class LpBranchAndCut
{
    /// <summary>Rounds a cut may stay slack in the LP before it moves to the pool.</summary>
    private const int MaxAge = 3;

    private readonly int _baseRows;
    private readonly int[] _inRow;
    private readonly double[] _globalUpper;
    private readonly double[] _nodeUpper;
    private readonly bool[] _forcedIn;
    private readonly bool[] _forcedOut;

    /// <summary>Cut store: arcs, the vertex whose presence it needs (-1: valid everywhere), age, whether in the LP.</summary>
    private readonly List<int[]> _cutArcs = [];
    private readonly List<int> _cutVertex = [];
    private readonly List<int> _cutAge = [];
    private readonly List<bool> _cutInLp = [];

    /// <summary>Cut id of LP row _baseRows + i.</summary>
    private readonly List<int> _lpCuts = [];
    private readonly List<int> _pool = [];
    private readonly List<int> _dropRows = [];

    // Row buffers for AddRows, reused.
    private readonly List<double> _rowLower = [];
    private readonly List<double> _rowUpper = [];
    private readonly List<int> _rowStarts = [0];
    private readonly List<int> _rowColumns = [];
    private readonly List<double> _rowElements = [];

    /// <summary>Adds the formulation's rows (see <see cref="CutModel"/>); returns their number.</summary>
    private int AddBaseRows()
    {
        var g = _g;
        ClearRowBuffer();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (_colOf[2 * e] >= 0 && _colOf[(2 * e) + 1] >= 0)
            {
                Entry(2 * e, 1);
                Entry((2 * e) + 1, 1);
                EndRow(double.NegativeInfinity, 1);
            }
        }

        if (_rootIsLeaf)
        {
            foreach (var e in g.IncidentEdges(_root))
            {
                Entry(DualAscent.ArcOutOf(g, e, _root), 1);
            }

            EndRow(1, 1);
        }

        Array.Fill(_inRow, -1);
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (v == _root)
            {
                continue;
            }

            var terminal = g.IsTerminal(v);
            foreach (var e in g.IncidentEdges(v))
            {
                Entry(DualAscent.ArcInto(g, e, v), 1);
            }

            _inRow[v] = _rowLower.Count;
            EndRow(terminal ? 1 : 0, 1);
            if (terminal)
            {
                continue;
            }

            // Flow balance: in-degree at most out-degree.
            foreach (var e in g.IncidentEdges(v))
            {
                Entry(DualAscent.ArcInto(g, e, v), 1);
                Entry(DualAscent.ArcOutOf(g, e, v), -1);
            }

            EndRow(double.NegativeInfinity, 0);

            // Each out-arc at most the in-degree from the other edges.
            foreach (var e in g.IncidentEdges(v))
            {
                var outArc = DualAscent.ArcOutOf(g, e, v);
                if (_colOf[outArc] < 0)
                {
                    continue;
                }

                Entry(outArc, 1);
                foreach (var f in g.IncidentEdges(v))
                {
                    if (f != e)
                    {
                        Entry(DualAscent.ArcInto(g, f, v), -1);
                    }
                }

                EndRow(double.NegativeInfinity, 0);
            }
        }

        var count = _rowLower.Count;
        FlushRows();
        return count;
    }

    private void ClearRowBuffer()
    {
        _rowLower.Clear();
        _rowUpper.Clear();
        _rowStarts.Clear();
        _rowStarts.Add(0);
        _rowColumns.Clear();
        _rowElements.Clear();
    }

    private void Entry(int arc, double coefficient)
    {
        var col = _colOf[arc];
        if (col >= 0)
        {
            _rowColumns.Add(col);
            _rowElements.Add(coefficient);
        }
    }

    private void EndRow(double lower, double upper)
    {
        _rowLower.Add(lower);
        _rowUpper.Add(upper);
        _rowStarts.Add(_rowColumns.Count);
    }

    private void FlushRows()
    {
        _lp.AddRows(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rowLower),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rowUpper),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rowStarts),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rowColumns),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rowElements));
        ClearRowBuffer();
    }

    /// <summary>Stores a new cut, valid where <paramref name="vertex"/> is in the tree (-1: everywhere), and queues it for the LP.</summary>
    private void StoreCut(int[] arcs, int vertex)
    {
        _cutArcs.Add(arcs);
        _cutVertex.Add(vertex);
        _cutAge.Add(0);
        _cutInLp.Add(false);
        QueueCut(_cutArcs.Count - 1);
    }

    /// <summary>Appends cut <paramref name="id"/> to the row buffer (flushed by the caller).</summary>
    private void QueueCut(int id)
    {
        foreach (var arc in _cutArcs[id])
        {
            Entry(arc, 1);
        }

        EndRow(1, double.PositiveInfinity);
        _cutInLp[id] = true;
        _cutAge[id] = 0;
        _lpCuts.Add(id);
    }

    /// <summary>Whether cut <paramref name="id"/> holds at the current node (its vertex, if any, is forced in).</summary>
    private bool Valid(int id) => _cutVertex[id] < 0 || _forcedIn[_cutVertex[id]];

    /// <summary>Ages the LP's cuts by the last solve's row activities; those slack too long (or invalid here) move to the pool.</summary>
    private void AgeCuts(bool all)
    {
        _dropRows.Clear();
        var activity = _lp.RowActivity;
        for (var i = 0; i < _lpCuts.Count; i++)
        {
            var id = _lpCuts[i];
            if (!Valid(id))
            {
                _dropRows.Add(_baseRows + i);
                continue;
            }

            if (!all)
            {
                continue;
            }

            if (activity[_baseRows + i] > 1 + 1e-6)
            {
                if (++_cutAge[id] > MaxAge)
                {
                    _dropRows.Add(_baseRows + i);
                }
            }
            else
            {
                _cutAge[id] = 0;
            }
        }

        if (_dropRows.Count == 0)
        {
            return;
        }

        _lp.DeleteRows(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_dropRows));
        var kept = 0;
        var d = 0;
        for (var i = 0; i < _lpCuts.Count; i++)
        {
            if (d < _dropRows.Count && _dropRows[d] == _baseRows + i)
            {
                d++;
                _cutInLp[_lpCuts[i]] = false;
                _pool.Add(_lpCuts[i]);
                continue;
            }

            _lpCuts[kept++] = _lpCuts[i];
        }

        _lpCuts.RemoveRange(kept, _lpCuts.Count - kept);
    }

    /// <summary>Puts back into the LP the valid pool cuts that the current values violate; returns how many.</summary>
    private int SeparatePool()
    {
        var count = 0;
        var kept = 0;
        for (var i = 0; i < _pool.Count; i++)
        {
            var id = _pool[i];
            if (Valid(id) && Activity(_cutArcs[id]) < 1 - 1e-6)
            {
                QueueCut(id);
                count++;
                continue;
            }

            _pool[kept++] = id;
        }

        _pool.RemoveRange(kept, _pool.Count - kept);
        if (count > 0)
        {
            FlushRows();
        }

        return count;
    }

    private double Activity(int[] arcs)
    {
        var sum = 0.0;
        foreach (var a in arcs)
        {
            sum += _value[a];
        }

        return sum;
    }

    /// <summary>Sets the LP to node <paramref name="node"/>: its vertex decisions, its fixed arcs, and only the cuts valid there.</summary>
    private void Apply(BranchNode node)
    {
        var g = _g;
        Array.Clear(_forcedIn);
        Array.Clear(_forcedOut);
        foreach (var d in node.Decisions)
        {
            if (d > 0)
            {
                _forcedIn[d - 1] = true;
            }
            else
            {
                _forcedOut[-d - 1] = true;
            }
        }

        Array.Copy(_globalUpper, _nodeUpper, _nodeUpper.Length);
        foreach (var a in node.FixedArcs)
        {
            if (_colOf[a] >= 0)
            {
                _nodeUpper[_colOf[a]] = 0;
            }
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            if (_forcedOut[v])
            {
                foreach (var e in g.IncidentEdges(v))
                {
                    SetArcUpper(_nodeUpper, 2 * e, 0);
                    SetArcUpper(_nodeUpper, (2 * e) + 1, 0);
                }
            }

            if (_inRow[v] >= 0)
            {
                _lp.SetRowBounds(_inRow[v], g.IsTerminal(v) || _forcedIn[v] ? 1 : 0, 1);
            }
        }

        for (var c = 0; c < _nodeUpper.Length; c++)
        {
            _lp.SetColumnBounds(c, 0, _nodeUpper[c]);
        }

        AgeCuts(all: false);
    }

    private void SetArcUpper(double[] upper, int arc, double value)
    {
        if (_colOf[arc] >= 0)
        {
            upper[_colOf[arc]] = value;
        }
    }

    /// <summary>Copies the LP's column values into the per-arc values.</summary>
    private void ReadValues()
    {
        var primal = _lp.Primal;
        for (var c = 0; c < primal.Length; c++)
        {
            _value[_arcOf[c]] = Math.Clamp(primal[c], 0.0, 1.0);
        }
    }
}
