namespace Quanet.Optimization.Steiner.Reductions;

// The extended star test: special distances, from bounded searches and the terminals' bottleneck network.
internal sealed partial class ExtendedStarTest
{
    // special-distance search
    private readonly long[] _label;
    private readonly List<int> _touched = [];
    private readonly PriorityQueue<int, long> _heap = new();

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

    /// <summary>
    /// The special distances from <paramref name="a"/> to the leaves not known below <paramref name="cap"/>, in one
    /// search.
    /// </summary>
    private void Prefetch(int a, long cap)
    {
        Span<int> targets = stackalloc int[_leaves.Count];
        var count = 0;
        foreach (var b in _leaves)
        {
            if (b != a && !Known(a, b, cap, out _))
            {
                targets[count++] = b;
            }
        }

        if (count == 0)
        {
            return;
        }

        Span<long> found = stackalloc long[count];
        Search(a, targets[..count], found, cap);
        for (var i = 0; i < count; i++)
        {
            _sd[Key(a, targets[i])] = (found[i], cap);
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

    // bottleneck search from a to the targets: real edges up to the first terminal, then Via; found[i] ends as the best
    // bottleneck to targets[i] below cap (cap when none was seen)
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

            // at a terminal the walk's last part is known: the bottleneck over the terminals, then a shortest path
            var t = _terminalIndex[x];
            var hit = false;
            for (var i = 0; i < targets.Length; i++)
            {
                var value = targets[i] == x ? dx : t >= 0 ? Math.Max(dx, Via(t, targets[i])) : long.MaxValue;
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
                scanned++;
                continue;
            }

            scanned += _g.Degree(x);
            foreach (var e in _g.Adjacent(x))
            {
                var y = _g.Other(e, x);
                var d = dx + _weight[e];
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

    /// <summary>
    /// The bottleneck distances between the terminals in their distance network (on its minimum spanning tree), each
    /// terminal's others in order of them, and an empty <see cref="Via"/> cache.
    /// </summary>
    private void TerminalBottlenecks()
    {
        var k = _terminals.Length;
        _bottleneck = new long[k * k];
        _byBottleneck = new int[k * k];
        if (_via.Length < (long)k * _n)
        {
            _via = new long[k * _n];
        }

        _via.AsSpan(0, k * _n).Fill(-1);

        // Prim on the distance network, then from each terminal the longest edge on the tree path to every other
        var parent = new int[k];
        var parentDistance = new long[k];
        var best = new long[k];
        var inTree = new bool[k];
        Array.Fill(best, long.MaxValue);
        best[0] = 0;
        parent[0] = -1;
        var adjacent = new List<int>[k];
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
            adjacent[next] = [];
            if (parent[next] >= 0)
            {
                adjacent[parent[next]].Add(next);
                adjacent[next].Add(parent[next]);
            }

            for (var i = 0; i < k; i++)
            {
                var d = _table[((long)next * _n) + _terminals[i]];
                if (!inTree[i] && d < best[i])
                {
                    best[i] = d;
                    parent[i] = next;
                    parentDistance[i] = d;
                }
            }
        }

        var stack = new Stack<int>();
        var keys = new long[k];
        for (var s = 0; s < k; s++)
        {
            var row = _bottleneck.AsSpan(s * k, k);
            row.Fill(-1);
            row[s] = 0;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                foreach (var y in adjacent[x])
                {
                    if (row[y] < 0)
                    {
                        row[y] = Math.Max(row[x], parent[y] == x ? parentDistance[y] : parentDistance[x]);
                        stack.Push(y);
                    }
                }
            }

            var order = _byBottleneck.AsSpan(s * k, k);
            for (var i = 0; i < k; i++)
            {
                order[i] = i;
            }

            row.CopyTo(keys);
            keys.AsSpan().Sort(order);
        }
    }

    /// <summary>
    /// An upper bound of the special distance from terminal number <paramref name="t"/> to <paramref name="b"/>: over
    /// the terminals to some terminal (the bottleneck of their distance network), then a shortest path to b.
    /// </summary>
    private long Via(int t, int b)
    {
        var k = _terminals.Length;
        ref var cached = ref _via[((long)t * _n) + b];
        if (cached >= 0)
        {
            return cached;
        }

        var value = long.MaxValue;
        foreach (var u in _byBottleneck.AsSpan(t * k, k))
        {
            var over = _bottleneck[(t * k) + u];
            if (over >= value)
            {
                break;
            }

            value = Math.Min(value, Math.Max(over, _table[((long)u * _n) + b]));
        }

        cached = value;
        return value;
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
