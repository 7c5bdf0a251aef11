namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Recombination of elite trees in the spirit of SCIP-Jack's recombination heuristic and the path-relinking
/// of Ribeiro, Uchoa and Werneck: the subgraph induced by the union of the parents' nodes is small, so
/// shortest-path trees from several of its terminals, each improved by <see cref="LocalSearch"/> inside it,
/// search it far more thoroughly than the same work spent on the whole graph. The best child is returned
/// as a node set of the whole graph, for the caller to re-span and improve there.
/// </summary>
internal sealed class Recombination
{
    /// <summary>Roots of the shortest-path heuristic tried inside one union subgraph.</summary>
    public const int RootsPerChild = 12;

    private readonly SteinerGraph _g;
    private readonly int[] _local;
    private readonly List<int> _nodes = [];
    private readonly List<(int U, int V, long Weight)> _subEdges = [];
    private readonly List<int> _origin = [];
    private readonly List<int> _subTerminals = [];

    public Recombination(SteinerGraph graph)
    {
        _g = graph;
        _local = new int[graph.NodeCount];
        Array.Fill(_local, -1);
    }

    /// <summary>Nodes of the last union subgraph (a measure of the work of the last call).</summary>
    public int LastUnionNodes { get; private set; }

    /// <summary>
    /// Marks in <paramref name="mask"/> (all false on entry) the nodes of the best tree found in the subgraph
    /// induced by the union of the trees <paramref name="parents"/> of <paramref name="pool"/>.
    /// </summary>
    public void Run(ElitePool pool, ReadOnlySpan<int> parents, Random random, bool[] mask, Func<bool> expired)
    {
        var g = _g;
        _nodes.Clear();
        foreach (var p in parents)
        {
            foreach (var e in pool[p].Edges)
            {
                Add(g.Tail(e));
                Add(g.Head(e));
            }
        }

        foreach (var t in g.Terminals)
        {
            Add(t);
        }

        _subEdges.Clear();
        _origin.Clear();
        foreach (var x in _nodes)
        {
            foreach (var e in g.IncidentEdges(x))
            {
                var y = g.Other(e, x);
                if (g.Tail(e) == x && _local[y] >= 0)
                {
                    _subEdges.Add((_local[x], _local[y], g.Weight(e)));
                    _origin.Add(e);
                }
            }
        }

        _subTerminals.Clear();
        foreach (var t in g.Terminals)
        {
            _subTerminals.Add(_local[t]);
        }

        LastUnionNodes = _nodes.Count;
        var sub = new SteinerGraph(_nodes.Count, _subEdges, _subTerminals);

        // The best parent is one of the starts, so the child is never worse than it.
        var bestParent = parents[0];
        foreach (var p in parents)
        {
            bestParent = pool[p].Cost < pool[bestParent].Cost ? p : bestParent;
        }

        var parentNodes = new List<int>();
        foreach (var e in pool[bestParent].Edges)
        {
            parentNodes.Add(_local[g.Tail(e)]);
            parentNodes.Add(_local[g.Head(e)]);
        }

        var best = SolveSubgraph(sub, parentNodes, random, expired);
        foreach (var e in best)
        {
            var global = _origin[e];
            mask[g.Tail(global)] = true;
            mask[g.Head(global)] = true;
        }

        foreach (var t in g.Terminals)
        {
            mask[t] = true;
        }

        foreach (var x in _nodes)
        {
            _local[x] = -1;
        }
    }

    private void Add(int v)
    {
        if (_local[v] < 0)
        {
            _local[v] = _nodes.Count;
            _nodes.Add(v);
        }
    }

    private static int[] SolveSubgraph(SteinerGraph sub, List<int> parentNodes, Random random, Func<bool> expired)
    {
        var search = new LocalSearch(sub);
        var ws = search.Workspace;
        var n = sub.NodeCount;
        var weights = new long[sub.EdgeCount];
        for (var e = 0; e < weights.Length; e++)
        {
            weights[e] = sub.Weight(e);
        }

        var mask = new bool[n];
        var nodes = new List<int>();
        var edges = new List<int>();
        int[] best = [];
        var bestCost = long.MaxValue;
        var roots = sub.Terminals.ToArray();
        random.Shuffle(roots);
        var tries = Math.Min(roots.Length, RootsPerChild);
        for (var i = -1; i <= tries && !expired(); i++)
        {
            if (i < 0)
            {
                foreach (var v in parentNodes)
                {
                    mask[v] = true;
                }
            }
            else if (i == tries)
            {
                MehlhornHeuristic.Run(ws, weights, mask);
            }
            else
            {
                ShortestPathHeuristic.Run(ws, roots[i], weights, mask);
            }

            nodes.Clear();
            for (var v = 0; v < n; v++)
            {
                if (mask[v])
                {
                    nodes.Add(v);
                }
            }

            var cost = TreeOps.Build(ws, mask, nodes, edges);
            if (cost >= 0)
            {
                cost = search.Improve(mask, nodes, edges, cost, expired);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = [.. edges];
                }
            }

            Array.Clear(mask);
        }

        return best;
    }
}
