namespace Quanet.Optimization.Steiner.Reductions;

// The extended star test: growing the trees around a star and ruling them out.
internal sealed partial class ExtendedStarTest
{
    // the tree being grown
    private readonly int[] _depth;
    private readonly int[] _parent;
    private readonly long[] _parentWeight;
    private readonly int[] _children;
    private readonly List<int> _nodes = [];
    private readonly List<int> _leaves = [];
    private long _cost;
    private int _trees;

    // the current tree's leaves' minimum spanning tree, edges in order of weight: the special distance, and the leaf
    // numbers as a * MaxLeaves + b
    private readonly long[] _spanWeight = new long[MaxLeaves];
    private readonly int[] _spanEdge = new int[MaxLeaves];

    /// <summary>Whether every star of three or more of <paramref name="v"/>'s edges is ruled out.</summary>
    private bool NoStarInOptimum(int v)
    {
        var edges = _g.Adjacent(v).ToArray();
        var d = edges.Length;
        _trees = 0;
        _maxLevel = Levels + (d == 3 ? 1 : 0);
        for (var mask = 0; mask < 1 << d; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) < 3)
            {
                continue;
            }

            _depth[v] = 0;
            _parent[v] = -1;
            _children[v] = 0;
            _nodes.Add(v);
            _cost = 0;
            var ok = true;
            for (var i = 0; i < d && ok; i++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    continue;
                }

                var u = _g.Other(edges[i], v);
                ok = _depth[u] < 0;
                if (ok)
                {
                    Attach(u, v, _weight[edges[i]]);
                }
            }

            // a repeated neighbour would close a cycle: no tree has that star
            var ruled = !ok || RuledOut(0, 0);
            Clear();
            if (!ruled)
            {
                return false;
            }
        }

        return true;
    }

    private void Attach(int u, int parent, long w)
    {
        _depth[u] = _depth[parent] + 1;
        _parent[u] = parent;
        _children[u] = 0;
        _children[parent]++;
        _parentWeight[u] = w;
        _nodes.Add(u);
        _leaves.Add(u);
        _cost += w;
    }

    private void Clear()
    {
        foreach (var x in _nodes)
        {
            _depth[x] = -1;
        }

        _nodes.Clear();
        _leaves.Clear();
    }

    /// <summary>
    /// Whether the current tree, and every growth of it, is ruled out; leaves from <paramref name="firstNew"/> on are
    /// those of the last growth.
    /// </summary>
    private bool RuledOut(int firstNew, int level)
    {
        if (Dominated(firstNew))
        {
            return true;
        }

        if (++_trees > MaxTrees)
        {
            return false;
        }

        // Each non-terminal leaf's ways out, less those ruled out alone (any tree that holds the edge is then ruled
        // out); a leaf with none left cannot be a leaf of a minimal tree, nor grow: the tree is ruled out. The leaf
        // that may grow with the fewest ways out grows.
        var candidates = new List<(int Leaf, List<int> Ways)>();
        foreach (var x in _leaves)
        {
            if (_g.IsTerminal(x))
            {
                continue;
            }

            var growable = level < _maxLevel && _g.Degree(x) <= MaxLeafDegree;
            var ways = WaysOut(x, growable);
            if (ways is null)
            {
                continue;
            }

            if (ways.Count == 0)
            {
                return true;
            }

            if (growable)
            {
                candidates.Add((x, ways));
            }
        }

        if (candidates.Count == 0)
        {
            return false;
        }

        // Every growth at one leaf ruled out rules the tree out; when one leaf's growths are not all ruled out (a limit
        // was reached), another leaf may still do it, as in SCIP-Jack's extension (fewest ways out first).
        candidates.Sort((a, b) => a.Ways.Count.CompareTo(b.Ways.Count));
        foreach (var (leaf, options) in candidates)
        {
            if (_trees > MaxTrees)
            {
                return false;
            }

            if (GrowthsRuledOut(leaf, options, level))
            {
                return true;
            }
        }

        return false;
    }

    // whether every growth of the current tree at leaf by a nonempty subset of options is ruled out
    private bool GrowthsRuledOut(int leaf, List<int> options, int level)
    {
        var pick = _leaves.IndexOf(leaf);
        _leaves.RemoveAt(pick);
        var nodesBefore = _nodes.Count;
        var leavesBefore = _leaves.Count;
        var costBefore = _cost;
        var result = true;
        for (var subset = 1; subset < 1 << options.Count && result; subset++)
        {
            if (_leaves.Count + System.Numerics.BitOperations.PopCount((uint)subset) > MaxLeaves)
            {
                result = false;
                break;
            }

            for (var i = 0; i < options.Count; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    Attach(_g.Other(options[i], leaf), leaf, _weight[options[i]]);
                }
            }

            result = RuledOut(leavesBefore, level + 1);
            for (var i = _nodes.Count - 1; i >= nodesBefore; i--)
            {
                _depth[_nodes[i]] = -1;
                _children[leaf]--;
            }

            _nodes.RemoveRange(nodesBefore, _nodes.Count - nodesBefore);
            _leaves.RemoveRange(leavesBefore, _leaves.Count - leavesBefore);
            _cost = costBefore;
        }

        _leaves.Insert(pick, leaf);
        return result;
    }

    /// <summary>
    /// The edges by which leaf <paramref name="x"/> may leave the current tree: not back into it, and not ruled out
    /// alone. An edge (x, y) is ruled out alone when a spanning tree of the leaves and y under special distances is
    /// cheaper than the tree with the edge: in any tree that holds both, removing the tree's edges and its inner
    /// vertices other than x (none of which has edges outside it) leaves one part per leaf and one at y. Null when the
    /// leaf has more than <see cref="MaxLeafDegree"/> edges and <paramref name="full"/> is false.
    /// </summary>
    private List<int>? WaysOut(int x, bool full)
    {
        if (!full && _g.Degree(x) > MaxLeafDegree)
        {
            return null;
        }

        var ways = new List<int>(_g.Degree(x));
        foreach (var e in _g.Adjacent(x))
        {
            var y = _g.Other(e, x);
            if (_depth[y] < 0 && !SpannedCheaper(y, _cost + _weight[e]))
            {
                ways.Add(e);
            }
        }

        return ways;
    }

    /// <summary>
    /// Whether a spanning tree of the leaves and <paramref name="y"/> under special distances weighs less than
    /// <paramref name="bound"/>. A minimum one is one of the leaves' spanning tree's edges and y's edges (an edge left
    /// out of the leaves' tree is the longest on a cycle, with or without y), so Kruskal runs on those alone (the leaves'
    /// tree is the one <see cref="Dominated"/> made for the same tree).
    /// </summary>
    private bool SpannedCheaper(int y, long bound)
    {
        var k = _leaves.Count;
        Span<long> distance = stackalloc long[k];
        Span<int> leaf = stackalloc int[k];
        for (var i = 0; i < k; i++)
        {
            distance[i] = SpecialDistance(y, _leaves[i]);
            leaf[i] = i;
        }

        distance.Sort(leaf);
        Span<int> component = stackalloc int[k + 1];
        UnionFind.Reset(component);
        long weight = 0;
        int joined = 0, next = 0, fromY = 0;
        while (joined < k)
        {
            int a, b;
            long w;
            if (fromY < k && (next == k - 1 || distance[fromY] <= _spanWeight[next]))
            {
                (a, b, w) = (k, leaf[fromY], distance[fromY]);
                fromY++;
            }
            else
            {
                (a, b, w) = (_spanEdge[next] / MaxLeaves, _spanEdge[next] % MaxLeaves, _spanWeight[next]);
                next++;
            }

            a = UnionFind.Find(component, a);
            b = UnionFind.Find(component, b);
            if (a == b)
            {
                continue;
            }

            // (a search that found no walk gives long.MaxValue)
            if (w >= bound - weight)
            {
                return false;
            }

            component[a] = b;
            weight += w;
            joined++;
        }

        return true;
    }

    /// <summary>
    /// The weight of the leaves' minimum spanning tree under special distances (long.MaxValue when some leaf's search
    /// found no walk), made for <see cref="SpannedCheaper"/> with its edges in order of weight.
    /// </summary>
    private long SpanLeaves()
    {
        var k = _leaves.Count;
        Span<long> distance = stackalloc long[k * k];
        for (var i = 0; i < k; i++)
        {
            distance[(i * k) + i] = 0;
            for (var j = i + 1; j < k; j++)
            {
                distance[(i * k) + j] = distance[(j * k) + i] = SpecialDistance(_leaves[i], _leaves[j]);
            }
        }

        Span<int> parent = stackalloc int[k];
        Span<long> parentDistance = stackalloc long[k];
        var total = DenseSpanningTree.Build(distance, k, parent, parentDistance);

        // Kruskal takes the tree's edges in order of weight
        for (var i = 1; i < k; i++)
        {
            _spanWeight[i - 1] = parentDistance[i];
            _spanEdge[i - 1] = (parent[i] * MaxLeaves) + i;
        }

        _spanWeight.AsSpan(0, Math.Max(0, k - 1)).Sort(_spanEdge.AsSpan(0, Math.Max(0, k - 1)));
        return total;
    }

    /// <summary>
    /// The key-path and the spanning-tree rule on the current tree. Key paths between two earlier leaves are as they
    /// were in the tree this one grew from (a path between two leaves never passes a third), which passed that rule,
    /// so only pairs with a leaf from <paramref name="firstNew"/> on are checked.
    /// </summary>
    private bool Dominated(int firstNew)
    {
        var k = _leaves.Count;
        for (var j = Math.Max(1, firstNew); j < k; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var longest = LongestKeyPathBetween(_leaves[i], _leaves[j]);
                if (SpecialDistance(_leaves[i], _leaves[j]) < longest)
                {
                    return true;
                }
            }
        }

        return SpanLeaves() < _cost;
    }

    /// <summary>
    /// The longest key path on the tree path between leaves <paramref name="a"/> and <paramref name="b"/>: a chain whose
    /// inner vertices have two tree edges, which (being closed) is all of a tree's path there, so removing it splits the
    /// tree in two.
    /// </summary>
    private long LongestKeyPathBetween(int a, int b)
    {
        long longest = 0, runA = 0, runB = 0;
        while (a != b)
        {
            if (_depth[a] >= _depth[b])
            {
                runA += _parentWeight[a];
                a = _parent[a];
                if (a != b && TreeDegree(a) != 2)
                {
                    longest = Math.Max(longest, runA);
                    runA = 0;
                }
            }
            else
            {
                runB += _parentWeight[b];
                b = _parent[b];
                if (a != b && TreeDegree(b) != 2)
                {
                    longest = Math.Max(longest, runB);
                    runB = 0;
                }
            }
        }

        // the meeting vertex joins the two runs only when it has just those two tree edges
        return TreeDegree(a) == 2 ? Math.Max(longest, runA + runB) : Math.Max(longest, Math.Max(runA, runB));
    }

    private int TreeDegree(int x) => _children[x] + (_parent[x] >= 0 ? 1 : 0);
}
