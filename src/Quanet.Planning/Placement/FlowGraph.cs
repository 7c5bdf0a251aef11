namespace Quanet.Planning.Placement;

/// <summary>A residual graph with Dinic's blocking-flow maximum flow over double capacities.</summary>
internal sealed class FlowGraph
{
    private readonly List<int>[] _adjacency;
    private readonly List<int> _to = [];
    private readonly List<double> _residual = [];
    private int[] _level = [];
    private int[] _next = [];

    /// <summary>Creates a graph with <paramref name="nodes"/> nodes and no edges.</summary>
    public FlowGraph(int nodes)
    {
        _adjacency = new List<int>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            _adjacency[v] = [];
        }
    }

    /// <summary>Adds a directed edge and returns its id.</summary>
    public int AddEdge(int from, int to, double capacity)
    {
        var id = _to.Count;
        _to.Add(to);
        _residual.Add(capacity);
        _adjacency[from].Add(id);
        _to.Add(from);
        _residual.Add(0.0);
        _adjacency[to].Add(id + 1);
        return id;
    }

    /// <summary>Flow on edge <paramref name="id"/> after <see cref="MaxFlow"/>.</summary>
    public double Flow(int id) => _residual[id ^ 1];

    /// <summary>Pushes a maximum flow from <paramref name="source"/> to <paramref name="sink"/>.</summary>
    public double MaxFlow(int source, int sink, double epsilon)
    {
        var total = 0.0;
        _level = new int[_adjacency.Length];
        _next = new int[_adjacency.Length];
        while (BuildLevels(source, sink, epsilon))
        {
            Array.Clear(_next);
            double pushed;
            while ((pushed = Push(source, sink, double.PositiveInfinity, epsilon)) > epsilon)
            {
                total += pushed;
            }
        }

        return total;
    }

    private bool BuildLevels(int source, int sink, double epsilon)
    {
        Array.Fill(_level, -1);
        var queue = new Queue<int>();
        _level[source] = 0;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var e in _adjacency[v])
            {
                var w = _to[e];
                if (_level[w] < 0 && _residual[e] > epsilon)
                {
                    _level[w] = _level[v] + 1;
                    queue.Enqueue(w);
                }
            }
        }

        return _level[sink] >= 0;
    }

    private double Push(int v, int sink, double limit, double epsilon)
    {
        if (v == sink)
        {
            return limit;
        }

        var edges = _adjacency[v];
        for (; _next[v] < edges.Count; _next[v]++)
        {
            var e = edges[_next[v]];
            var w = _to[e];
            if (_level[w] != _level[v] + 1 || _residual[e] <= epsilon)
            {
                continue;
            }

            var pushed = Push(w, sink, Math.Min(limit, _residual[e]), epsilon);
            if (pushed > epsilon)
            {
                _residual[e] -= pushed;
                _residual[e ^ 1] += pushed;
                return pushed;
            }
        }

        return 0.0;
    }
}
