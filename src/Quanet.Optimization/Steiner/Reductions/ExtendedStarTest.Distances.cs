using Quanet.Optimization.Collections;

namespace Quanet.Optimization.Steiner.Reductions;

// The extended star test: special distances, from one bounded search per vertex and pass and the terminals' bottleneck
// network.
internal sealed partial class ExtendedStarTest
{
    // Dijkstra labels of the running search
    private readonly long[] _label;
    private readonly List<int> _touched = [];
    private readonly DistanceHeap<long> _heap = new();

    // What each vertex's search in this pass reached: the non-terminals (in order of vertex, with their distances) and
    // the terminals (in order of distance). _searchedIn[v] is the pass v's record is from.
    private readonly int[] _searchedIn;
    private readonly int[] _reachedFrom;
    private readonly int[] _reachedCount;
    private readonly int[] _terminalsFrom;
    private readonly int[] _terminalsCount;
    private int[] _reached = new int[1 << 12];
    private long[] _reachedDistance = new long[1 << 12];
    private int _reachedUsed;
    private int[] _terminalReached = new int[1 << 10];
    private long[] _terminalDistance = new long[1 << 10];
    private int _terminalsUsed;
    private int _pass;

    /// <summary>
    /// An upper bound of the special distance of <paramref name="a"/> and <paramref name="b"/> (the bottleneck of a
    /// walk, long.MaxValue when <paramref name="a"/>'s search found none): over real edges from a up to the first
    /// terminal, or on to b, then over the terminals' bottleneck network to a terminal and a shortest path to b.
    /// </summary>
    private long SpecialDistance(int a, int b)
    {
        var key = Key(a, b);
        var value = _sd.Get(key, -1);
        if (value < 0)
        {
            value = FromSearch(a, b);
            _sd.Set(key, value);
        }

        return value;
    }

    private long Key(int a, int b) => a < b ? ((long)a * _n) + b : ((long)b * _n) + a;

    // the special distance a's search gives to b: b's distance when the search reached it over non-terminals, or over a
    // terminal it reached (those in order of distance, so the loop ends once they are no nearer than the best)
    private long FromSearch(int a, int b)
    {
        if (_searchedIn[a] != _pass)
        {
            Search(a);
        }

        var best = long.MaxValue;
        var at = Array.BinarySearch(_reached, _reachedFrom[a], _reachedCount[a], b);
        if (at >= 0)
        {
            best = _reachedDistance[at];
        }

        var end = _terminalsFrom[a] + _terminalsCount[a];
        for (var i = _terminalsFrom[a]; i < end && _terminalDistance[i] < best; i++)
        {
            best = Math.Min(best, Math.Max(_terminalDistance[i], Via(_terminalReached[i], b)));
        }

        return best;
    }

    /// <summary>
    /// Dijkstra from <paramref name="a"/> over real edges, not past terminals, until <see cref="MaxScanned"/> edges are
    /// scanned (a terminal counts as one): a's record of what it reached, for the rest of the pass. A pseudo-elimination
    /// keeps every distance between the remaining nodes, so a record stays an upper bound for them.
    /// </summary>
    private void Search(int a)
    {
        _searchedIn[a] = _pass;
        _reachedFrom[a] = _reachedUsed;
        _terminalsFrom[a] = _terminalsUsed;
        var scanned = 0;
        _heap.Clear();
        BottleneckDistanceTest.Lower(a, 0, _label, _touched);
        _heap.Push(a, 0);
        while (scanned < MaxScanned && _heap.Count > 0)
        {
            var x = _heap.Pop(out var dx);
            if (dx != _label[x])
            {
                continue;
            }

            var t = _terminalIndex[x];
            if (t >= 0)
            {
                Append(ref _terminalReached, ref _terminalDistance, ref _terminalsUsed, t, dx);
                scanned++;
                continue;
            }

            if (x != a)
            {
                Append(ref _reached, ref _reachedDistance, ref _reachedUsed, x, dx);
            }

            scanned += _g.Degree(x);
            foreach (var e in _g.Adjacent(x))
            {
                var y = _g.Other(e, x);
                var d = dx + _weight[e];
                if (BottleneckDistanceTest.Lower(y, d, _label, _touched))
                {
                    _heap.Push(y, d);
                }
            }
        }

        foreach (var x in _touched)
        {
            _label[x] = long.MaxValue;
        }

        _touched.Clear();
        _reachedCount[a] = _reachedUsed - _reachedFrom[a];
        _terminalsCount[a] = _terminalsUsed - _terminalsFrom[a];
        Array.Sort(_reached, _reachedDistance, _reachedFrom[a], _reachedCount[a]);
    }

    private static void Append(ref int[] items, ref long[] distances, ref int used, int item, long distance)
    {
        if (used == items.Length)
        {
            Array.Resize(ref items, 2 * used);
            Array.Resize(ref distances, 2 * used);
        }

        items[used] = item;
        distances[used++] = distance;
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

        // the minimum spanning tree of the distance network, then from each terminal the longest edge on the tree path
        // to every other
        var network = new long[k * k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                network[(i * k) + j] = _table[((long)i * _n) + _terminals[j]];
            }
        }

        var parent = new int[k];
        var parentDistance = new long[k];
        DenseSpanningTree.Build(network, k, parent, parentDistance);
        var adjacent = new List<int>[k];
        for (var i = 0; i < k; i++)
        {
            adjacent[i] = [];
        }

        for (var i = 1; i < k; i++)
        {
            adjacent[parent[i]].Add(i);
            adjacent[i].Add(parent[i]);
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
}
