namespace Quanet.Security.Qkd.Network;

/// <summary>
/// Finds the path whose smallest key pool is largest (a bottleneck Dijkstra), preferring fewer hops
/// among equally wide paths, using only links that hold at least one request of key.
/// </summary>
internal sealed class WidestPathRouter(List<(int Neighbour, int Link)>[] adjacency)
{
    private readonly double[] _width = new double[adjacency.Length];
    private readonly int[] _hops = new int[adjacency.Length];
    private readonly int[] _viaLink = new int[adjacency.Length];
    private readonly int[] _previous = new int[adjacency.Length];
    private readonly bool[] _done = new bool[adjacency.Length];
    private readonly PriorityQueue<int, (double NegativeWidth, int Hops)> _queue = new();

    /// <summary>The links of the widest path, or null when no path has <paramref name="needed"/> bits on every link.</summary>
    public List<int>? Route(int from, int to, double[] pools, double needed)
    {
        Array.Fill(_width, -1);
        Array.Fill(_hops, int.MaxValue);
        Array.Fill(_done, false);
        _queue.Clear();
        _width[from] = double.PositiveInfinity;
        _hops[from] = 0;
        _previous[from] = -1;
        _queue.Enqueue(from, (double.NegativeInfinity, 0));
        while (_queue.TryDequeue(out var node, out _))
        {
            if (_done[node])
            {
                continue;
            }

            _done[node] = true;
            if (node == to)
            {
                break;
            }

            foreach (var (next, link) in adjacency[node])
            {
                if (_done[next] || pools[link] < needed)
                {
                    continue;
                }

                var width = Math.Min(_width[node], pools[link]);
                var hops = _hops[node] + 1;
                if (width > _width[next] || (width == _width[next] && hops < _hops[next]))
                {
                    _width[next] = width;
                    _hops[next] = hops;
                    _previous[next] = node;
                    _viaLink[next] = link;
                    _queue.Enqueue(next, (-width, hops));
                }
            }
        }

        if (from == to || _width[to] < needed)
        {
            return from == to ? [] : null;
        }

        var path = new List<int>();
        for (var v = to; v != from; v = _previous[v])
        {
            path.Add(_viaLink[v]);
        }

        path.Reverse();
        return path;
    }
}
