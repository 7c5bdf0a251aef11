using Quanet.Optimization.Collections;

namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Shortest-path distances from the terminals, below a limit, each terminal's row made when it is first asked for: a
/// pass of <see cref="BottleneckDistanceTest"/> over the few edges added since the last one reaches few terminals (on
/// PACE 2018 instance197 most of its 300 passes are such, and making every row took a quarter of the solve).
/// </summary>
internal sealed class TerminalRows
{
    private readonly ReductionGraph _g;
    private readonly List<int> _terminals;
    private readonly long[] _weight;
    private readonly long _limit;
    private readonly long[]?[] _rows;
    private readonly (long D, int T)[]?[] _near;
    private readonly DistanceHeap<long> _heap = new();

    /// <summary>
    /// Rows of <paramref name="terminals"/> in <paramref name="g"/> under <paramref name="weight"/> (by edge id), the
    /// distances below <paramref name="limit"/> only.
    /// </summary>
    public TerminalRows(ReductionGraph g, List<int> terminals, long[] weight, long limit)
    {
        _g = g;
        _terminals = terminals;
        _weight = weight;
        _limit = limit;
        _rows = new long[]?[terminals.Count];
        _near = new (long D, int T)[]?[terminals.Count];
    }

    /// <summary>The distances from terminal number <paramref name="i"/> to every node; long.MaxValue where none is below the limit.</summary>
    public long[] Row(int i)
    {
        if (_rows[i] is { } row)
        {
            return row;
        }

        row = new long[_g.NodeCapacity];
        Fill(_g, _terminals[i], _weight, _limit, row, _heap);
        return _rows[i] = row;
    }

    /// <summary>The other terminals below the limit from terminal number <paramref name="i"/>, nearest first.</summary>
    public (long D, int T)[] Near(int i)
    {
        if (_near[i] is { } near)
        {
            return near;
        }

        var row = Row(i);
        var found = new List<(long D, int T)>();
        for (var j = 0; j < _terminals.Count; j++)
        {
            if (j != i && row[_terminals[j]] < _limit)
            {
                found.Add((row[_terminals[j]], j));
            }
        }

        found.Sort();
        return _near[i] = [.. found];
    }

    /// <summary>
    /// Dijkstra from <paramref name="source"/>: <paramref name="row"/> (one entry per node) gets the distances below
    /// <paramref name="limit"/>, long.MaxValue elsewhere.
    /// </summary>
    public static void Fill(ReductionGraph g, int source, long[] weight, long limit, Span<long> row, DistanceHeap<long> heap)
    {
        row.Fill(long.MaxValue);
        row[source] = 0;
        heap.Clear();
        heap.Push(source, 0);
        while (heap.Count > 0)
        {
            var x = heap.Pop(out var dx);
            if (dx != row[x])
            {
                continue;
            }

            foreach (var f in g.Adjacent(x))
            {
                var y = g.Other(f, x);
                var dy = dx + weight[f];
                if (dy < limit && dy < row[y])
                {
                    row[y] = dy;
                    heap.Push(y, dy);
                }
            }
        }
    }
}
