namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Extended pseudo-elimination (the extension technique of Rehfeldt and Koch, "Implications, conflicts, and
/// reductions for Steiner trees", applied to stars as SCIP-Jack does): a non-terminal v of degree 3 to
/// <see cref="MaxDegree"/> is replaced by edges between each pair of its neighbours (weight of the two edges, standing
/// for the path over v) when no minimal optimal tree gives v three or more edges. To show that, every star of at least
/// three of v's edges is grown into every tree a minimal optimal tree could contain around it, leaf by leaf (a
/// non-terminal leaf of such a tree has at least one more edge in it, and an inner vertex has exactly the tree's
/// edges), up to <see cref="Depth"/> edges from v; each tree must be ruled out on the way.
/// <para>
/// A tree T with leaves L is ruled out when a minimum spanning tree of L under special distances (bottleneck Steiner
/// distances) is cheaper than T (Duin and Volgenant; removing T from a tree that contains it leaves one part per leaf,
/// and the special-distance paths join the parts for less), or when two leaves' special distance is below the longest
/// key path (a chain through vertices with two tree edges) on T's path between them. Both comparisons are strict, so
/// every minimal optimal tree is kept. Special distances are upper bounds from real walks: from a leaf over edges up to
/// the first terminal, then over the terminals' distance table; a pseudo-elimination keeps every distance between the
/// remaining nodes, so the table serves the whole pass.
/// </para>
/// </summary>
internal sealed class ExtendedStarTest
{
    /// <summary>Largest degree of an eliminated vertex (up to ten new edges).</summary>
    public const int MaxDegree = 5;

    /// <summary>Edges from v a grown tree reaches at most.</summary>
    public const int Depth = 3;

    /// <summary>A leaf with more edges than this is not grown.</summary>
    public const int MaxLeafDegree = 8;

    /// <summary>Leaves of a grown tree at most.</summary>
    public const int MaxLeaves = 16;

    /// <summary>Trees looked at per vertex at most; a vertex that needs more stays.</summary>
    public const int MaxTrees = 600;

    /// <summary>Entries of the terminal distance table at most (terminals times nodes).</summary>
    public const long MaxTable = 6_000_000;

    /// <summary>
    /// Edges one special-distance search scans at most (a terminal's row of the table counts as a 32nd of it); it then
    /// answers with the best walk found so far.
    /// </summary>
    public const int MaxScanned = 400;

    private readonly ReductionGraph _g;
    private readonly int _n;
    private readonly int[] _terminalIndex;
    private readonly int[] _testedAt;
    private readonly Dictionary<long, (long Value, long Cap)> _sd = [];
    private int[] _terminals = [];
    private long[] _table = [];

    // the tree being grown
    private readonly int[] _depth;
    private readonly int[] _parent;
    private readonly long[] _parentWeight;
    private readonly int[] _children;
    private readonly List<int> _nodes = [];
    private readonly List<int> _leaves = [];
    private long _cost;
    private int _trees;

    // special-distance search
    private readonly long[] _label;
    private readonly List<int> _touched = [];
    private readonly PriorityQueue<int, long> _heap = new();

    /// <summary>A test on <paramref name="g"/>, kept across passes to skip vertices near which nothing has changed.</summary>
    public ExtendedStarTest(ReductionGraph g)
    {
        ArgumentNullException.ThrowIfNull(g);
        _g = g;
        _n = g.NodeCapacity;
        _terminalIndex = new int[_n];
        _testedAt = new int[_n];
        Array.Fill(_testedAt, -1);
        _depth = new int[_n];
        Array.Fill(_depth, -1);
        _parent = new int[_n];
        _parentWeight = new long[_n];
        _children = new int[_n];
        _label = new long[_n];
        Array.Fill(_label, long.MaxValue);
    }

    /// <summary>One pass of a new test on <paramref name="g"/> (<see cref="Pass"/>).</summary>
    public static int Apply(ReductionGraph g, Func<bool>? expired = null) => new ExtendedStarTest(g).Pass(expired);

    /// <summary>
    /// One pass over the non-terminals of degree 3 to <see cref="MaxDegree"/>, except those that failed in an earlier
    /// pass with nothing changed since within <see cref="Depth"/> edges; returns the number eliminated. Does nothing
    /// when the terminal distance table would exceed <see cref="MaxTable"/> or some weight is not positive.
    /// </summary>
    public int Pass(Func<bool>? expired = null)
    {
        var g = _g;
        var terminals = new List<int>();
        Array.Fill(_terminalIndex, -1);
        for (var v = 0; v < _n; v++)
        {
            if (g.NodeAlive(v) && g.IsTerminal(v))
            {
                _terminalIndex[v] = terminals.Count;
                terminals.Add(v);
            }
        }

        if (terminals.Count < 2 || (long)terminals.Count * _n > MaxTable)
        {
            return 0;
        }

        for (var e = 0; e < g.EdgeCapacity; e++)
        {
            if (g.EdgeAlive(e) && g.W(e) <= 0)
            {
                return 0;
            }
        }

        _terminals = [.. terminals];
        var weight = new long[g.EdgeCapacity];
        for (var e = 0; e < weight.Length; e++)
        {
            weight[e] = g.EdgeAlive(e) ? g.W(e) : 0;
        }

        _table = BottleneckDistanceTest.TerminalDistances(g, terminals, weight, long.MaxValue);
        _sd.Clear();
        var eliminated = 0;
        for (var degree = 3; degree <= MaxDegree; degree++)
        {
            for (var v = 0; v < _n; v++)
            {
                if (expired?.Invoke() == true)
                {
                    return eliminated;
                }

                if (!g.NodeAlive(v) || g.IsTerminal(v) || g.Degree(v) != degree || (_testedAt[v] >= 0 && !ChangedNear(v, _testedAt[v])))
                {
                    continue;
                }

                if (NoStarInOptimum(v))
                {
                    Eliminate(g, v);
                    eliminated++;
                }
                else
                {
                    _testedAt[v] = g.Clock;
                }
            }
        }

        return eliminated;
    }

    // whether a vertex within Depth edges of v has changed after clock
    private bool ChangedNear(int v, int clock)
    {
        _nodes.Clear();
        _nodes.Add(v);
        _depth[v] = 0;
        var changed = false;
        for (var i = 0; i < _nodes.Count && !changed; i++)
        {
            var x = _nodes[i];
            changed = _g.ChangedAt(x) > clock;
            if (_depth[x] < Depth)
            {
                foreach (var e in _g.Adjacent(x))
                {
                    var y = _g.Other(e, x);
                    if (_depth[y] < 0)
                    {
                        _depth[y] = _depth[x] + 1;
                        _nodes.Add(y);
                    }
                }
            }
        }

        foreach (var x in _nodes)
        {
            _depth[x] = -1;
        }

        _nodes.Clear();
        return changed;
    }

    /// <summary>Replaces non-terminal <paramref name="v"/> by an edge between each pair of its neighbours.</summary>
    internal static void Eliminate(ReductionGraph g, int v)
    {
        var edges = g.Adjacent(v).ToArray();
        g.DeleteNode(v);
        for (var i = 0; i < edges.Length; i++)
        {
            for (var j = i + 1; j < edges.Length; j++)
            {
                int a = g.Other(edges[i], v), b = g.Other(edges[j], v);
                if (a == b)
                {
                    continue;
                }

                var ea = g.Origin(edges[i]);
                var eb = g.Origin(edges[j]);
                var origin = new int[ea.Length + eb.Length];
                ea.CopyTo(origin, 0);
                eb.CopyTo(origin, ea.Length);
                g.AddEdgeKeepingCheapest(a, b, g.W(edges[i]) + g.W(edges[j]), origin);
            }
        }
    }

    /// <summary>Whether every star of three or more of <paramref name="v"/>'s edges is ruled out.</summary>
    private bool NoStarInOptimum(int v)
    {
        var edges = _g.Adjacent(v).ToArray();
        var d = edges.Length;
        _trees = 0;
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
                    Attach(u, v, _g.W(edges[i]));
                }
            }

            // a repeated neighbour would close a cycle: no tree has that star
            var ruled = !ok || RuledOut(0);
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
    private bool RuledOut(int firstNew)
    {
        if (Dominated(firstNew))
        {
            return true;
        }

        if (++_trees > MaxTrees)
        {
            return false;
        }

        // a non-terminal leaf that may grow: the one with the fewest choices
        var pick = -1;
        for (var i = 0; i < _leaves.Count; i++)
        {
            var x = _leaves[i];
            if (!_g.IsTerminal(x) && _depth[x] < Depth && _g.Degree(x) <= MaxLeafDegree && (pick < 0 || _g.Degree(x) < _g.Degree(_leaves[pick])))
            {
                pick = i;
            }
        }

        if (pick < 0)
        {
            return false;
        }

        var leaf = _leaves[pick];
        var options = new List<int>(_g.Degree(leaf));
        foreach (var e in _g.Adjacent(leaf))
        {
            // an edge back into the tree closes a cycle
            if (_depth[_g.Other(e, leaf)] < 0)
            {
                options.Add(e);
            }
        }

        // a minimal tree has no non-terminal leaf: with nothing to grow by, the leaf cannot be one of its leaves
        if (options.Count == 0)
        {
            return true;
        }

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
                    Attach(_g.Other(options[i], leaf), leaf, _g.W(options[i]));
                }
            }

            result = RuledOut(leavesBefore);
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
    /// The key-path and the spanning-tree rule on the current tree. Key paths between two earlier leaves are as they
    /// were in the tree this one grew from (a path between two leaves never passes a third), which passed that rule,
    /// so only pairs with a leaf from <paramref name="firstNew"/> on are checked.
    /// </summary>
    private bool Dominated(int firstNew)
    {
        var k = _leaves.Count;
        if (k < 2)
        {
            return false;
        }

        for (var j = firstNew; j < k; j++)
        {
            Prefetch(j);
        }

        for (var j = Math.Max(1, firstNew); j < k; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var longest = LongestKeyPathBetween(_leaves[i], _leaves[j]);
                if (SpecialDistance(_leaves[i], _leaves[j], longest) < longest)
                {
                    return true;
                }
            }
        }

        // Prim on the leaves under special distances, stopping once the weight reaches the tree's cost
        Span<long> best = stackalloc long[k];
        Span<bool> inTree = stackalloc bool[k];
        best.Fill(long.MaxValue);
        best[0] = 0;
        long weight = 0;
        for (var round = 0; round < k; round++)
        {
            var next = -1;
            for (var i = 0; i < k; i++)
            {
                if (!inTree[i] && (next < 0 || best[i] < best[next]))
                {
                    next = i;
                }
            }

            inTree[next] = true;
            weight += best[next];
            if (weight >= _cost)
            {
                return false;
            }

            for (var i = 0; i < k; i++)
            {
                if (!inTree[i])
                {
                    best[i] = Math.Min(best[i], SpecialDistance(_leaves[next], _leaves[i], _cost));
                }
            }
        }

        return true;
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

    /// <summary>
    /// An upper bound of the special distance of <paramref name="a"/> and <paramref name="b"/>, exact below
    /// <paramref name="cap"/>; a result of at least <paramref name="cap"/> only says that no walk below it was found.
    /// </summary>
    private long SpecialDistance(int a, int b, long cap)
    {
        if (Known(a, b, cap, out var value))
        {
            return value;
        }

        Span<int> target = [b];
        Span<long> found = [cap];
        Search(a, target, found, cap);
        _sd[Key(a, b)] = (found[0], cap);
        return found[0];
    }

    /// <summary>The special distances from leaf <paramref name="j"/> to the other leaves not known below the tree's cost, in one search.</summary>
    private void Prefetch(int j)
    {
        var a = _leaves[j];
        Span<int> targets = stackalloc int[_leaves.Count];
        var count = 0;
        foreach (var b in _leaves)
        {
            if (b != a && !Known(a, b, _cost, out _))
            {
                targets[count++] = b;
            }
        }

        if (count == 0)
        {
            return;
        }

        Span<long> found = stackalloc long[count];
        Search(a, targets[..count], found, _cost);
        for (var i = 0; i < count; i++)
        {
            _sd[Key(a, targets[i])] = (found[i], _cost);
        }
    }

    private bool Known(int a, int b, long cap, out long value)
    {
        value = 0;
        if (_sd.TryGetValue(Key(a, b), out var known) && (known.Value < known.Cap || cap <= known.Cap))
        {
            value = known.Value;
            return true;
        }

        return false;
    }

    private long Key(int a, int b) => a < b ? ((long)a * _n) + b : ((long)b * _n) + a;

    // bottleneck search from a to the targets: real edges up to the first terminal, then the terminals' distance table;
    // found[i] ends as the best bottleneck to targets[i] below cap (cap when none was seen)
    private void Search(int a, ReadOnlySpan<int> targets, Span<long> found, long cap)
    {
        found.Fill(cap);
        var bound = cap;
        var scanned = 0;
        _heap.Clear();
        Lower(a, 0);
        _heap.Enqueue(a, 0);
        while (scanned < MaxScanned && _heap.TryDequeue(out var x, out var dx))
        {
            if (dx != _label[x])
            {
                continue;
            }

            if (dx >= bound)
            {
                break;
            }

            var t = _terminalIndex[x];
            var hit = false;
            for (var i = 0; i < targets.Length; i++)
            {
                var value = targets[i] == x ? dx : t >= 0 ? Math.Max(dx, _table[((long)t * _n) + targets[i]]) : long.MaxValue;
                if (value < found[i])
                {
                    found[i] = value;
                    hit = true;
                }
            }

            if (hit)
            {
                bound = 0;
                foreach (var f in found)
                {
                    bound = Math.Max(bound, f);
                }
            }

            if (t >= 0)
            {
                scanned += MaxScanned / 32;
                var row = _table.AsSpan(t * _n, _n);
                for (var j = 0; j < _terminals.Length; j++)
                {
                    var to = _terminals[j];
                    var d = Math.Max(dx, row[to]);
                    if (d < bound && Lower(to, d))
                    {
                        _heap.Enqueue(to, d);
                    }
                }

                continue;
            }

            scanned += _g.Degree(x);
            foreach (var e in _g.Adjacent(x))
            {
                var y = _g.Other(e, x);
                var d = dx + _g.W(e);
                if (d < bound && Lower(y, d))
                {
                    _heap.Enqueue(y, d);
                }
            }
        }

        foreach (var x in _touched)
        {
            _label[x] = long.MaxValue;
        }

        _touched.Clear();
    }

    private bool Lower(int v, long d)
    {
        if (d >= _label[v])
        {
            return false;
        }

        if (_label[v] == long.MaxValue)
        {
            _touched.Add(v);
        }

        _label[v] = d;
        return true;
    }
}
