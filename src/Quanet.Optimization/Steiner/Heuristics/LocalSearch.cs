namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Local search for Steiner trees after Uchoa and Werneck (2010), "Fast local search for Steiner trees in
/// graphs": Steiner-vertex insertion (priced by an incremental minimum spanning tree) and elimination
/// (re-spanning the node set), key-path exchange and key-vertex elimination. The last two remove a key path
/// or a key vertex with its key paths and reconnect the resulting components by a budget-bounded Dijkstra
/// grown from the smallest one; with two components this is the shortest reconnecting path. A move is taken
/// only when it strictly lowers the cost, so the search terminates.
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
    private readonly int[] _slot;
    private (int[] Parent, (long Weight, int A, int B)[] Chosen, int[] Degree) _kruskal = ([], [], []);
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
        _slot = new int[n];
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

    /// <summary>
    /// Steiner-vertex insertion. The tree is a minimum spanning tree of its nodes, so the one of its nodes plus
    /// <c>v</c> is the minimum spanning tree of the tree's edges and <c>v</c>'s edges into it (cycle property):
    /// a Kruskal over those few edges, then pruning, prices each candidate, and only a cheaper one is re-spanned
    /// for real.
    /// </summary>
    private long VertexInsertion(bool[] mask, List<int> nodes, List<int> edges, long cost, Func<bool> expired)
    {
        var g = _g;
        var sorted = SortedTreeEdges(nodes, edges);
        var terminalSlot = TerminalSlots(nodes);
        var own = new List<(long Weight, int Node)>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (mask[v])
            {
                continue;
            }

            own.Clear();
            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Other(e, v);
                if (mask[u])
                {
                    own.Add((g.Weight(e), _slot[u]));
                }
            }

            if (own.Count < 2 || SpanningCostWith(sorted, own, terminalSlot) >= cost)
            {
                continue;
            }

            if (TryToggle(v, insert: true, mask, nodes, edges, ref cost))
            {
                if (expired())
                {
                    break;
                }

                sorted = SortedTreeEdges(nodes, edges);
                terminalSlot = TerminalSlots(nodes);
            }
        }

        return cost;
    }

    /// <summary>Which slots (tree nodes, then one for the candidate) are terminals; sizes the Kruskal arrays.</summary>
    private bool[] TerminalSlots(List<int> nodes)
    {
        var terminalSlot = new bool[nodes.Count + 1];
        for (var i = 0; i < nodes.Count; i++)
        {
            terminalSlot[i] = _g.IsTerminal(nodes[i]);
        }

        if (_kruskal.Parent.Length < terminalSlot.Length)
        {
            _kruskal = (new int[terminalSlot.Length], new (long, int, int)[terminalSlot.Length], new int[terminalSlot.Length]);
        }

        return terminalSlot;
    }

    /// <summary>Numbers the tree's nodes (<see cref="_slot"/>) and returns its edges as (weight, slot, slot) by weight.</summary>
    private (long Weight, int A, int B)[] SortedTreeEdges(List<int> nodes, List<int> edges)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            _slot[nodes[i]] = i;
        }

        var sorted = new (long Weight, int A, int B)[edges.Count];
        for (var i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            sorted[i] = (_g.Weight(e), _slot[_g.Tail(e)], _slot[_g.Head(e)]);
        }

        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// Cost of the minimum spanning tree of the tree plus a new node joined by <paramref name="own"/> (weight,
    /// slot), after removing non-terminal leaves (the new node is the last slot; <paramref name="terminalSlot"/> marks the rest).
    /// </summary>
    private long SpanningCostWith((long Weight, int A, int B)[] sorted, List<(long Weight, int Node)> own, bool[] terminalSlot)
    {
        own.Sort();
        var slots = terminalSlot.Length;
        var parent = _kruskal.Parent;
        var chosen = _kruskal.Chosen;
        var degree = _kruskal.Degree;
        UnionFind.Reset(parent.AsSpan(0, slots));
        Array.Clear(degree, 0, slots);
        var newNode = slots - 1;
        long total = 0;
        var joined = 0;
        int i = 0, j = 0;
        while (joined < newNode && (i < sorted.Length || j < own.Count))
        {
            int a, b;
            long w;
            if (j >= own.Count || (i < sorted.Length && sorted[i].Weight <= own[j].Weight))
            {
                (w, a, b) = sorted[i++];
            }
            else
            {
                (w, a) = own[j++];
                b = newNode;
            }

            int ra = UnionFind.Find(parent, a), rb = UnionFind.Find(parent, b);
            if (ra != rb)
            {
                parent[ra] = rb;
                total += w;
                chosen[joined++] = (w, a, b);
                degree[a]++;
                degree[b]++;
            }
        }

        // Prune: a non-terminal leaf loses its edge; repeat until none is left (few sweeps in practice).
        var removed = true;
        while (removed)
        {
            removed = false;
            for (var k = 0; k < joined; k++)
            {
                var (w, a, b) = chosen[k];
                if (w < 0)
                {
                    continue;
                }

                if ((degree[a] == 1 && !terminalSlot[a]) || (degree[b] == 1 && !terminalSlot[b]))
                {
                    degree[a]--;
                    degree[b]--;
                    total -= w;
                    chosen[k] = (-1, a, b);
                    removed = true;
                }
            }
        }

        return total;
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
            success = Reconnect(mask, nodes, removedCost, components, out var added);
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

    /// <summary>
    /// Joins the labelled components through non-tree nodes in the manner of the shortest-path heuristic: a
    /// Dijkstra grown from the smallest component takes in the nearest other component with its path, until all
    /// are joined. Starting small reaches far fewer nodes than a search from the whole tree on dense graphs.
    /// True if the paths cost less than <paramref name="budget"/> in total; <paramref name="added"/> gets their nodes.
    /// </summary>
    private bool Reconnect(bool[] mask, List<int> nodes, long budget, int components, out List<int> added)
    {
        var g = _g;
        added = [];
        Span<int> sizes = components <= 64 ? stackalloc int[components] : new int[components];
        foreach (var v in nodes)
        {
            if (mask[v])
            {
                sizes[_component[v]]++;
            }
        }

        var source = 0;
        for (var c = 1; c < components; c++)
        {
            source = sizes[c] < sizes[source] ? c : source;
        }

        Span<bool> joined = components <= 64 ? stackalloc bool[components] : new bool[components];
        var heap = _heap;
        heap.Clear();
        Join(mask, nodes, source, joined);
        long spent = 0;
        var remaining = components - 1;
        while (remaining > 0 && heap.TryDequeue(out var x, out var d))
        {
            if (d != _dist[x])
            {
                continue;
            }

            if (spent + d >= budget)
            {
                break;
            }

            if (mask[x] && !joined[_component[x]])
            {
                spent += d;
                remaining--;
                var path = _ws.Stack;
                path.Clear();
                for (var y = x; ; y = g.Other(_pred[y], y))
                {
                    path.Add(y);
                    if (_pred[y] < 0)
                    {
                        break;
                    }
                }

                foreach (var y in path)
                {
                    if (!mask[y])
                    {
                        added.Add(y);
                        _dist[y] = 0;
                        _pred[y] = -1;
                        heap.Enqueue(y, 0);
                    }
                }

                Join(mask, nodes, _component[x], joined);
                continue;
            }

            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                var nd = d + g.Weight(e);
                if (nd < _dist[y] && spent + nd < budget)
                {
                    if (_dist[y] == long.MaxValue)
                    {
                        _touched.Add(y);
                    }

                    _dist[y] = nd;
                    _pred[y] = e;
                    heap.Enqueue(y, nd);
                }
            }
        }

        foreach (var x in _touched)
        {
            _dist[x] = long.MaxValue;
        }

        _touched.Clear();
        return remaining == 0 && spent < budget;
    }

    /// <summary>Puts the nodes of component <paramref name="c"/> into the search at distance 0.</summary>
    private void Join(bool[] mask, List<int> nodes, int c, Span<bool> joined)
    {
        joined[c] = true;
        foreach (var v in nodes)
        {
            if (mask[v] && _component[v] == c)
            {
                if (_dist[v] == long.MaxValue)
                {
                    _touched.Add(v);
                }

                _dist[v] = 0;
                _pred[v] = -1;
                _heap.Enqueue(v, 0);
            }
        }
    }
}
