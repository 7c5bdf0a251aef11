namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Dinic's maximum flow on the bidirected graph with real capacities per arc (arc 2e = tail to head,
/// 2e+1 = head to tail), used to separate violated Steiner cuts from an LP solution.
/// </summary>
internal sealed class MaxFlow
{
    private const double Eps = 1e-9;
    private readonly SteinerGraph _g;
    private readonly double[] _residual;
    private readonly int[] _level;
    private readonly int[] _next;
    private readonly int[] _queue;

    public MaxFlow(SteinerGraph graph)
    {
        _g = graph;
        _residual = new double[2 * graph.EdgeCount];
        _level = new int[graph.NodeCount];
        _next = new int[graph.NodeCount];
        _queue = new int[graph.NodeCount];
    }

    /// <summary>
    /// Maximum flow from <paramref name="source"/> to <paramref name="sink"/> under <paramref name="capacity"/>, stopping
    /// once it reaches <paramref name="enough"/>. Afterwards <see cref="SinkSide"/> gives the minimum cut nearest the sink.
    /// </summary>
    public double Run(double[] capacity, int source, int sink, double enough)
    {
        Array.Copy(capacity, _residual, capacity.Length);
        double flow = 0;
        while (flow < enough && Bfs(source, sink))
        {
            for (var v = 0; v < _next.Length; v++)
            {
                _next[v] = 0;
            }

            double pushed;
            while ((pushed = Dfs(source, sink, double.MaxValue)) > Eps)
            {
                flow += pushed;
                if (flow >= enough)
                {
                    break;
                }
            }
        }

        return flow;
    }

    /// <summary>Marks the nodes that can still reach the sink in the residual graph (the sink side of a minimum cut).</summary>
    public void SinkSide(int sink, bool[] side)
    {
        Array.Clear(side);
        var head = 0;
        var tail = 0;
        _queue[tail++] = sink;
        side[sink] = true;
        while (head < tail)
        {
            var v = _queue[head++];
            foreach (var e in _g.IncidentEdges(v))
            {
                var u = _g.Other(e, v);
                if (!side[u] && _residual[DualAscent.ArcInto(_g, e, v)] > Eps)
                {
                    side[u] = true;
                    _queue[tail++] = u;
                }
            }
        }
    }

    /// <summary>Marks the nodes reachable from the source in the residual graph; false if the flow was cut short.</summary>
    public bool SourceSide(int source, bool[] side)
    {
        Array.Clear(side);
        var head = 0;
        var tail = 0;
        _queue[tail++] = source;
        side[source] = true;
        while (head < tail)
        {
            var v = _queue[head++];
            foreach (var e in _g.IncidentEdges(v))
            {
                var u = _g.Other(e, v);
                if (!side[u] && _residual[DualAscent.ArcOutOf(_g, e, v)] > Eps)
                {
                    side[u] = true;
                    _queue[tail++] = u;
                }
            }
        }

        return true;
    }

    private bool Bfs(int source, int sink)
    {
        Array.Fill(_level, -1);
        var head = 0;
        var tail = 0;
        _queue[tail++] = source;
        _level[source] = 0;
        while (head < tail)
        {
            var v = _queue[head++];
            foreach (var e in _g.IncidentEdges(v))
            {
                var u = _g.Other(e, v);
                if (_level[u] < 0 && _residual[DualAscent.ArcOutOf(_g, e, v)] > Eps)
                {
                    _level[u] = _level[v] + 1;
                    _queue[tail++] = u;
                }
            }
        }

        return _level[sink] >= 0;
    }

    private double Dfs(int v, int sink, double limit)
    {
        if (v == sink)
        {
            return limit;
        }

        var edges = _g.IncidentEdges(v);
        for (; _next[v] < edges.Length; _next[v]++)
        {
            var e = edges[_next[v]];
            var u = _g.Other(e, v);
            var arc = DualAscent.ArcOutOf(_g, e, v);
            if (_level[u] != _level[v] + 1 || _residual[arc] <= Eps)
            {
                continue;
            }

            var pushed = Dfs(u, sink, Math.Min(limit, _residual[arc]));
            if (pushed > Eps)
            {
                _residual[arc] -= pushed;
                _residual[arc ^ 1] += pushed;
                return pushed;
            }
        }

        return 0;
    }
}
