namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Local search for Steiner trees after Uchoa and Werneck (2010), "Fast local search for Steiner trees in
/// graphs": Steiner-vertex insertion and elimination (re-spanning the node set), key-path exchange and
/// key-vertex elimination. The last two remove a key path or a key vertex with its key paths and
/// reconnect the resulting components through a Voronoi partition around them (a bounded multi-source
/// Dijkstra and Kruskal over boundary edges); with two components this is the shortest reconnecting
/// path. A move is taken only when it strictly lowers the cost, so the search terminates.
/// </summary>
internal sealed class LocalSearch
{
    private readonly SteinerGraph _g;
    private readonly TreeWorkspace _ws;
    private readonly bool[] _trialMask;
    private readonly List<int> _trialNodes = [];
    private readonly List<int> _trialEdges = [];
    private readonly int[] _treeDegree;
    private readonly bool[] _removedEdge;
    private readonly int[] _component;
    private readonly long[] _dist;
    private readonly int[] _pred;
    private readonly List<int> _touched = [];
    private readonly List<int>[] _treeAdj;
    private readonly PriorityQueue<int, long> _heap = new();

    public LocalSearch(SteinerGraph graph)
    {
        _g = graph;
        _ws = new TreeWorkspace(graph);
        var n = graph.NodeCount;
        _trialMask = new bool[n];
        _treeDegree = new int[n];
        _removedEdge = new bool[graph.EdgeCount];
        _component = new int[n];
        _dist = new long[n];
        _pred = new int[n];
        _treeAdj = new List<int>[n];
        Array.Fill(_dist, long.MaxValue);
        Array.Fill(_component, -1);
    }

    public TreeWorkspace Workspace => _ws;

    /// <summary>Improves the tree (mask, nodes, edges) in place until no move helps or the deadline passes; returns its cost.</summary>
    public long Improve(bool[] mask, List<int> nodes, List<int> edges, long cost, Func<bool> expired)
    {
        var improved = true;
        while (improved && !expired())
        {
            improved = false;
            var c = VertexElimination(mask, nodes, edges, cost, expired);
            c = VertexInsertion(mask, nodes, edges, c, expired);
            c = KeyMoves(mask, nodes, edges, c, expired);
            if (c < cost)
            {
                cost = c;
                improved = true;
            }
        }

        return cost;
    }

    private long Accept(bool[] mask, List<int> nodes, List<int> edges)
    {
        foreach (var v in nodes)
        {
            mask[v] = false;
        }

        nodes.Clear();
        nodes.AddRange(_trialNodes);
        foreach (var v in nodes)
        {
            mask[v] = true;
        }

        edges.Clear();
        edges.AddRange(_trialEdges);
        return _g.CostOf(edges);
    }

    private void CopyToTrial(List<int> nodes)
    {
        foreach (var v in _trialNodes)
        {
            _trialMask[v] = false;
        }

        _trialNodes.Clear();
        _trialNodes.AddRange(nodes);
        foreach (var v in nodes)
        {
            _trialMask[v] = true;
        }
    }

    /// <summary>
    /// Steiner-vertex insertion or elimination of <paramref name="v"/>: re-spans the tree's node set with
    /// <paramref name="v"/> added or removed and takes the result when it is cheaper than <paramref name="cost"/>.
    /// </summary>
    private bool TryToggle(int v, bool insert, bool[] mask, List<int> nodes, List<int> edges, ref long cost)
    {
        CopyToTrial(nodes);
        _trialMask[v] = insert;
        if (insert)
        {
            _trialNodes.Add(v);
        }
        else
        {
            _trialNodes.Remove(v);
        }

        var c = TreeOps.Build(_ws, _trialMask, _trialNodes, _trialEdges);
        if (c < 0 || c >= cost)
        {
            return false;
        }

        cost = Accept(mask, nodes, edges);
        return true;
    }

    private long VertexInsertion(bool[] mask, List<int> nodes, List<int> edges, long cost, Func<bool> expired)
    {
        var g = _g;
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (mask[v])
            {
                continue;
            }

            var treeNeighbours = 0;
            foreach (var e in g.IncidentEdges(v))
            {
                if (mask[g.Other(e, v)] && ++treeNeighbours >= 2)
                {
                    break;
                }
            }

            if (treeNeighbours < 2)
            {
                continue;
            }

            if (TryToggle(v, insert: true, mask, nodes, edges, ref cost) && expired())
            {
                break;
            }
        }

        return cost;
    }

    private long VertexElimination(bool[] mask, List<int> nodes, List<int> edges, long cost, Func<bool> expired)
    {
        var g = _g;
        var candidates = nodes.ToArray();
        foreach (var v in candidates)
        {
            if (!mask[v] || g.IsTerminal(v))
            {
                continue;
            }

            if (TryToggle(v, insert: false, mask, nodes, edges, ref cost) && expired())
            {
                break;
            }
        }

        return cost;
    }

    private void BuildTreeAdjacency(List<int> nodes, List<int> edges)
    {
        foreach (var v in nodes)
        {
            (_treeAdj[v] ??= []).Clear();
            _treeDegree[v] = 0;
        }

        foreach (var e in edges)
        {
            int a = _g.Tail(e), b = _g.Head(e);
            _treeAdj[a].Add(e);
            _treeAdj[b].Add(e);
            _treeDegree[a]++;
            _treeDegree[b]++;
        }
    }

    private bool IsKey(int v) => _g.IsTerminal(v) || _treeDegree[v] >= 3;

    /// <summary>Key-path exchange and key-vertex elimination; restarts after every accepted move.</summary>
    private long KeyMoves(bool[] mask, List<int> nodes, List<int> edges, long cost, Func<bool> expired)
    {
        var removedNodes = new List<int>();
        var removedEdges = new List<int>();
        var again = true;
        while (again && !expired())
        {
            again = false;
            BuildTreeAdjacency(nodes, edges);
            var keyNodes = new List<int>();
            foreach (var v in nodes)
            {
                if (IsKey(v))
                {
                    keyNodes.Add(v);
                }
            }

            // Key-path exchange: each key path once, from its end with the smaller id.
            foreach (var a in keyNodes)
            {
                foreach (var first in _treeAdj[a])
                {
                    removedNodes.Clear();
                    removedEdges.Clear();
                    var b = WalkKeyPath(a, first, removedNodes, removedEdges);
                    if (b < a)
                    {
                        continue;
                    }

                    if (TryReconnect(mask, nodes, edges, cost, removedNodes, removedEdges, out var c))
                    {
                        cost = c;
                        again = true;
                        break;
                    }
                }

                if (again || expired())
                {
                    break;
                }
            }

            if (again)
            {
                continue;
            }

            // Key-vertex elimination: a Steiner key vertex with all its key paths.
            foreach (var v in keyNodes)
            {
                if (_g.IsTerminal(v))
                {
                    continue;
                }

                removedNodes.Clear();
                removedEdges.Clear();
                removedNodes.Add(v);
                foreach (var first in _treeAdj[v])
                {
                    WalkKeyPath(v, first, removedNodes, removedEdges);
                }

                if (TryReconnect(mask, nodes, edges, cost, removedNodes, removedEdges, out var c))
                {
                    cost = c;
                    again = true;
                    break;
                }

                if (expired())
                {
                    break;
                }
            }
        }

        return cost;
    }

    /// <summary>Follows the key path from key node <paramref name="a"/> along <paramref name="first"/>; returns its other end.</summary>
    private int WalkKeyPath(int a, int first, List<int> inner, List<int> pathEdges)
    {
        var e = first;
        var x = a;
        while (true)
        {
            pathEdges.Add(e);
            var y = _g.Other(e, x);
            if (IsKey(y))
            {
                return y;
            }

            inner.Add(y);
            var next = _treeAdj[y][0] == e ? _treeAdj[y][1] : _treeAdj[y][0];
            x = y;
            e = next;
        }
    }

    private bool TryReconnect(bool[] mask, List<int> nodes, List<int> edges, long cost, List<int> removedNodes, List<int> removedEdges, out long newCost)
    {
        newCost = cost;
        var g = _g;
        long removedCost = 0;
        foreach (var e in removedEdges)
        {
            removedCost += g.Weight(e);
            _removedEdge[e] = true;
        }

        foreach (var v in removedNodes)
        {
            mask[v] = false;
        }

        // Label the remaining components of the tree.
        var components = 0;
        var stack = _ws.Stack;
        foreach (var s in nodes)
        {
            if (!mask[s] || _component[s] >= 0)
            {
                continue;
            }

            _component[s] = components;
            stack.Clear();
            stack.Add(s);
            while (stack.Count > 0)
            {
                var x = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                foreach (var e in _treeAdj[x])
                {
                    if (_removedEdge[e])
                    {
                        continue;
                    }

                    var y = g.Other(e, x);
                    if (mask[y] && _component[y] < 0)
                    {
                        _component[y] = components;
                        stack.Add(y);
                    }
                }
            }

            components++;
        }

        var success = false;
        if (components >= 2)
        {
            success = Voronoi(mask, nodes, removedCost, components, out var added);
            if (success)
            {
                // The trial tree: remaining nodes plus the reconnecting paths, re-spanned and pruned.
                foreach (var v in _trialNodes)
                {
                    _trialMask[v] = false;
                }

                _trialNodes.Clear();
                foreach (var v in nodes)
                {
                    if (mask[v])
                    {
                        _trialNodes.Add(v);
                        _trialMask[v] = true;
                    }
                }

                foreach (var v in added)
                {
                    if (!_trialMask[v])
                    {
                        _trialMask[v] = true;
                        _trialNodes.Add(v);
                    }
                }

                var c = TreeOps.Build(_ws, _trialMask, _trialNodes, _trialEdges);
                success = c >= 0 && c < cost;
            }
        }

        foreach (var v in nodes)
        {
            _component[v] = -1;
        }

        foreach (var v in removedNodes)
        {
            mask[v] = true;
        }

        foreach (var e in removedEdges)
        {
            _removedEdge[e] = false;
        }

        if (success)
        {
            newCost = Accept(mask, nodes, edges);
        }

        return success;
    }

    /// <summary>Connects the labelled components through non-tree nodes; true if the connection costs less than <paramref name="budget"/>.</summary>
    private bool Voronoi(bool[] mask, List<int> nodes, long budget, int components, out List<int> added)
    {
        var g = _g;
        added = [];
        var heap = _heap;
        heap.Clear();
        var baseOf = _ws.Label;
        foreach (var v in nodes)
        {
            if (mask[v])
            {
                _dist[v] = 0;
                _pred[v] = -1;
                baseOf[v] = _component[v];
                _touched.Add(v);
                heap.Enqueue(v, 0);
            }
        }

        while (heap.TryDequeue(out var x, out var d))
        {
            if (d != _dist[x])
            {
                continue;
            }

            if (d >= budget)
            {
                break;
            }

            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                if (mask[y])
                {
                    continue;
                }

                var nd = d + g.Weight(e);
                if (nd < _dist[y] && nd < budget)
                {
                    if (_dist[y] == long.MaxValue)
                    {
                        _touched.Add(y);
                    }

                    _dist[y] = nd;
                    _pred[y] = e;
                    baseOf[y] = baseOf[x];
                    heap.Enqueue(y, nd);
                }
            }
        }

        var boundary = new List<(long Key, int Edge)>();
        foreach (var x in _touched)
        {
            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                if (x < y && _dist[y] != long.MaxValue && baseOf[x] != baseOf[y] && !_removedEdge[e])
                {
                    var key = _dist[x] + g.Weight(e) + _dist[y];
                    if (key < budget)
                    {
                        boundary.Add((key, e));
                    }
                }
            }
        }

        boundary.Sort();
        var parent = new int[components];
        UnionFind.Reset(parent);

        long total = 0;
        var joined = 1;
        foreach (var (key, e) in boundary)
        {
            int a = g.Tail(e), b = g.Head(e);
            int ra = UnionFind.Find(parent, baseOf[a]), rb = UnionFind.Find(parent, baseOf[b]);
            if (ra == rb)
            {
                continue;
            }

            parent[ra] = rb;
            total += key;
            foreach (var s in (ReadOnlySpan<int>)[a, b])
            {
                var x = s;
                while (true)
                {
                    added.Add(x);
                    if (_pred[x] < 0)
                    {
                        break;
                    }

                    x = g.Other(_pred[x], x);
                }
            }

            if (++joined == components)
            {
                break;
            }
        }

        foreach (var x in _touched)
        {
            _dist[x] = long.MaxValue;
        }

        _touched.Clear();
        return joined == components && total < budget;
    }
}
