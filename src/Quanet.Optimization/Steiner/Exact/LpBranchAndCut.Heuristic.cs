using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// The primal heuristic inside the tree: the shortest-path heuristic from the root on LP-guided weights
/// c_e (1 - x_e), x_e the larger of the edge's two arc values, so that paths follow the LP's support; then
/// the local search on the true weights. Edges with no usable arc keep twice their cost.
/// </summary>
internal sealed partial class LpBranchAndCut
{
    private long[] _weights = [];
    private bool[] _mask = [];
    private readonly List<int> _heuristicNodes = [];
    private readonly List<int> _heuristicEdges = [];
    private Func<bool>? _expired;

    private void LpHeuristic()
    {
        var started = _time.GetTimestamp();
        try
        {
            RunLpHeuristic();
        }
        finally
        {
            Profile.Heuristic += _time.GetTimestamp() - started;
        }
    }

    private void RunLpHeuristic()
    {
        var g = _g;
        if (_weights.Length == 0)
        {
            _weights = new long[g.EdgeCount];
            _mask = new bool[g.NodeCount];
            _expired = Expired;
        }

        for (var e = 0; e < g.EdgeCount; e++)
        {
            var w = g.Weight(e);
            _weights[e] = _usable[2 * e] || _usable[(2 * e) + 1]
                ? (long)Math.Round(w * (1.0 - Math.Max(_value[2 * e], _value[(2 * e) + 1])))
                : 2 * w;
        }

        var ws = _search.Workspace;
        ShortestPathHeuristic.Run(ws, _root, _weights, _mask);
        _heuristicNodes.Clear();
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (_mask[v])
            {
                _heuristicNodes.Add(v);
            }
        }

        var cost = TreeOps.Build(ws, _mask, _heuristicNodes, _heuristicEdges);
        if (cost >= 0)
        {
            cost = _search.Improve(_mask, _heuristicNodes, _heuristicEdges, cost, _expired!);
            if (cost < _bestCost)
            {
                Improve([.. _heuristicEdges], cost);
            }
        }

        foreach (var v in _heuristicNodes)
        {
            _mask[v] = false;
        }
    }
}
