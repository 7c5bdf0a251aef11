namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// A mutable copy of a <see cref="SteinerGraph"/> that reductions edit. Every edge remembers the
/// original edges it stands for (a merged degree-2 path is a chain of them); edges fixed into the
/// solution by contractions are kept with their cost, so a solution of the reduced graph maps back.
/// </summary>
internal sealed class ReductionGraph
{
    private readonly List<int> _u = [];
    private readonly List<int> _v = [];
    private readonly List<long> _w = [];
    private readonly List<int[]> _origin = [];
    private readonly List<bool> _alive = [];
    private readonly List<int>[] _adj;
    private readonly bool[] _terminal;
    private readonly bool[] _nodeAlive;
    private readonly List<int> _fixed = [];
    private readonly int[] _changedAt;

    public ReductionGraph(SteinerGraph graph)
    {
        Original = graph;
        var n = graph.NodeCount;
        _adj = new List<int>[n];
        _terminal = new bool[n];
        _nodeAlive = new bool[n];
        _changedAt = new int[n];
        for (var v = 0; v < n; v++)
        {
            _adj[v] = [];
            _nodeAlive[v] = true;
            _terminal[v] = graph.IsTerminal(v);
        }

        TerminalCount = graph.TerminalCount;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            AddEdge(graph.Tail(e), graph.Head(e), graph.Weight(e), [e]);
        }
    }

    public SteinerGraph Original { get; }

    public int NodeCapacity => _adj.Length;

    public int EdgeCapacity => _u.Count;

    public int TerminalCount { get; private set; }

    public long FixedCost { get; private set; }

    public IReadOnlyList<int> FixedEdges => _fixed;

    public bool IsTerminal(int v) => _terminal[v];

    public bool NodeAlive(int v) => _nodeAlive[v];

    public bool EdgeAlive(int e) => _alive[e];

    public int U(int e) => _u[e];

    public int V(int e) => _v[e];

    public long W(int e) => _w[e];

    public int[] Origin(int e) => _origin[e];

    public int Other(int e, int x) => _u[e] == x ? _v[e] : _u[e];

    public List<int> Adjacent(int v) => _adj[v];

    /// <summary>Edits so far: a clock that every added or deleted edge advances.</summary>
    public int Clock { get; private set; }

    /// <summary>The <see cref="Clock"/> of the last edit of <paramref name="v"/>'s edges (0 when never edited).</summary>
    public int ChangedAt(int v) => _changedAt[v];

    public int Degree(int v) => _adj[v].Count;

    /// <summary>Contractions so far (<see cref="ContractIntoSolution"/>): the only edit that shortens a distance or makes a terminal.</summary>
    public int Contractions { get; private set; }

    public int AddEdge(int a, int b, long w, int[] origin)
    {
        var e = _u.Count;
        _u.Add(a);
        _v.Add(b);
        _w.Add(w);
        _origin.Add(origin);
        _alive.Add(true);
        _adj[a].Add(e);
        _adj[b].Add(e);
        Touch(a, b);
        return e;
    }

    public void DeleteEdge(int e)
    {
        if (!_alive[e])
        {
            return;
        }

        _alive[e] = false;
        _adj[_u[e]].Remove(e);
        _adj[_v[e]].Remove(e);
        Touch(_u[e], _v[e]);
    }

    /// <summary>Deletes a non-terminal node and its edges.</summary>
    public void DeleteNode(int v)
    {
        var adj = _adj[v];
        while (adj.Count > 0)
        {
            DeleteEdge(adj[^1]);
        }

        _nodeAlive[v] = false;
    }

    /// <summary>Replaces the two edges of the degree-2 non-terminal <paramref name="v"/> by one edge.</summary>
    public void MergeDegreeTwo(int v)
    {
        int e1 = _adj[v][0], e2 = _adj[v][1];
        int a = Other(e1, v), b = Other(e2, v);
        var w = _w[e1] + _w[e2];
        var origin = new int[_origin[e1].Length + _origin[e2].Length];
        _origin[e1].CopyTo(origin, 0);
        _origin[e2].CopyTo(origin, _origin[e1].Length);
        DeleteNode(v);
        if (a != b)
        {
            AddEdgeKeepingCheapest(a, b, w, origin);
        }
    }

    /// <summary>Adds an edge unless a parallel edge is at most as expensive; removes dearer parallel edges.</summary>
    public void AddEdgeKeepingCheapest(int a, int b, long w, int[] origin)
    {
        var scan = _adj[a].Count <= _adj[b].Count ? a : b;
        var target = scan == a ? b : a;
        var list = _adj[scan];
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var e = list[i];
            if (Other(e, scan) != target)
            {
                continue;
            }

            if (_w[e] <= w)
            {
                return;
            }

            DeleteEdge(e);
        }

        AddEdge(a, b, w, origin);
    }

    /// <summary>
    /// Puts edge <paramref name="e"/> (terminal <paramref name="t"/> to its neighbour u) into the solution and
    /// contracts <paramref name="t"/> into u, which becomes a terminal.
    /// </summary>
    public void ContractIntoSolution(int e, int t)
    {
        var u = Other(e, t);
        Contractions++;
        _fixed.AddRange(_origin[e]);
        FixedCost += _w[e];
        DeleteEdge(e);
        var moved = _adj[t].ToArray();
        foreach (var f in moved)
        {
            var x = Other(f, t);
            var w = _w[f];
            var origin = _origin[f];
            DeleteEdge(f);
            if (x != u)
            {
                AddEdgeKeepingCheapest(u, x, w, origin);
            }
        }

        _nodeAlive[t] = false;
        _terminal[t] = false;
        if (_terminal[u])
        {
            TerminalCount--;
        }
        else
        {
            _terminal[u] = true;
        }
    }

    public int AliveNodeCount()
    {
        var count = 0;
        for (var v = 0; v < _nodeAlive.Length; v++)
        {
            if (_nodeAlive[v])
            {
                count++;
            }
        }

        return count;
    }

    public int AliveEdgeCount()
    {
        var count = 0;
        for (var e = 0; e < _alive.Count; e++)
        {
            if (_alive[e])
            {
                count++;
            }
        }

        return count;
    }

    private void Touch(int a, int b)
    {
        Clock++;
        _changedAt[a] = Clock;
        _changedAt[b] = Clock;
    }
}
