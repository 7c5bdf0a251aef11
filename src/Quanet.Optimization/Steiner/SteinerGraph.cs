namespace Quanet.Optimization.Steiner;

/// <summary>
/// An undirected, edge-weighted graph with terminals, stored in compressed sparse rows: node ids are
/// 0-based, edge ids are 0-based in input order, weights are non-negative integers (SteinLib and
/// PACE instances are integral; callers with real costs scale them). Parallel edges are allowed.
/// </summary>
public sealed class SteinerGraph
{
    private readonly int[] _tail;
    private readonly int[] _head;
    private readonly long[] _weight;
    private readonly int[] _adjStart;
    private readonly int[] _adjEdge;
    private readonly int[] _terminals;
    private readonly bool[] _isTerminal;

    /// <summary>Builds the graph.</summary>
    /// <param name="nodeCount">Number of nodes (ids 0..nodeCount-1).</param>
    /// <param name="edges">Edges as (u, v, weight); self-loops are rejected.</param>
    /// <param name="terminals">Terminal node ids; duplicates are ignored.</param>
    /// <exception cref="ArgumentException">An id is out of range, a weight is negative or an edge is a self-loop.</exception>
    public SteinerGraph(int nodeCount, IReadOnlyList<(int U, int V, long Weight)> edges, IEnumerable<int> terminals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(terminals);
        NodeCount = nodeCount;
        var m = edges.Count;
        _tail = new int[m];
        _head = new int[m];
        _weight = new long[m];
        var degree = new int[nodeCount + 1];
        for (var e = 0; e < m; e++)
        {
            var (u, v, w) = edges[e];
            if ((uint)u >= (uint)nodeCount || (uint)v >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge {e} ({u}, {v}) has a node outside 0..{nodeCount - 1}", nameof(edges));
            }

            if (u == v)
            {
                throw new ArgumentException($"edge {e} is a self-loop at node {u}", nameof(edges));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(w, nameof(edges));
            _tail[e] = u;
            _head[e] = v;
            _weight[e] = w;
            degree[u]++;
            degree[v]++;
        }

        _adjStart = new int[nodeCount + 1];
        for (var v = 0; v < nodeCount; v++)
        {
            _adjStart[v + 1] = _adjStart[v] + degree[v];
        }

        _adjEdge = new int[2 * m];
        var fill = new int[nodeCount];
        Array.Copy(_adjStart, fill, nodeCount);
        for (var e = 0; e < m; e++)
        {
            _adjEdge[fill[_tail[e]]++] = e;
            _adjEdge[fill[_head[e]]++] = e;
        }

        _isTerminal = new bool[nodeCount];
        var list = new List<int>();
        foreach (var t in terminals)
        {
            if ((uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException($"terminal {t} is outside 0..{nodeCount - 1}", nameof(terminals));
            }

            if (!_isTerminal[t])
            {
                _isTerminal[t] = true;
                list.Add(t);
            }
        }

        _terminals = [.. list];
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount => _tail.Length;

    /// <summary>Terminal node ids in the order given.</summary>
    public ReadOnlySpan<int> Terminals => _terminals;

    /// <summary>Number of terminals.</summary>
    public int TerminalCount => _terminals.Length;

    /// <summary>Optional planar coordinates per node (SteinLib <c>SECTION Coordinates</c>), or null.</summary>
    public IReadOnlyList<(double X, double Y)>? Coordinates { get; init; }

    /// <summary>Whether node <paramref name="v"/> is a terminal.</summary>
    public bool IsTerminal(int v) => _isTerminal[v];

    /// <summary>First end of edge <paramref name="e"/>.</summary>
    public int Tail(int e) => _tail[e];

    /// <summary>Second end of edge <paramref name="e"/>.</summary>
    public int Head(int e) => _head[e];

    /// <summary>Weight of edge <paramref name="e"/>.</summary>
    public long Weight(int e) => _weight[e];

    /// <summary>The end of edge <paramref name="e"/> that is not <paramref name="v"/>.</summary>
    public int Other(int e, int v) => _tail[e] == v ? _head[e] : _tail[e];

    /// <summary>Ids of the edges incident to <paramref name="v"/>.</summary>
    public ReadOnlySpan<int> IncidentEdges(int v) => new(_adjEdge, _adjStart[v], _adjStart[v + 1] - _adjStart[v]);

    /// <summary>Number of edges incident to <paramref name="v"/>.</summary>
    public int Degree(int v) => _adjStart[v + 1] - _adjStart[v];

    /// <summary>Sum of the weights of <paramref name="edges"/>.</summary>
    public long CostOf(IEnumerable<int> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        long sum = 0;
        foreach (var e in edges)
        {
            sum += _weight[e];
        }

        return sum;
    }
}
