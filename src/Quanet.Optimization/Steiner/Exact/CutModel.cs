using Google.OrTools.LinearSolver;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// The directed cut formulation (Wong 1984) over the usable arcs, with the standard strengthening used by
/// SCIP-Jack (Rehfeldt and Koch): in-degree one at terminals and at most one elsewhere, no arc into the
/// root, one direction per edge, and for non-terminals in-degree at most out-degree and every out-arc at
/// most the in-degree (flow balance). Steiner cuts are added by separation. When the root is a leaf terminal
/// (<see cref="LeafTerminals"/>) its out-degree is one. Every non-root terminal has in-degree exactly one, so
/// the lightest arc into it is moved to a constant <see cref="Offset"/> (likewise the root's lightest out-arc
/// when it is a leaf): on transformed group instances that leaves the solvers objectives of thousands
/// instead of millions, where their tolerances are harmless.
/// </summary>
internal sealed class CutModel
{
    /// <summary>Rounds a cut may stay slack in the LP before it leaves it (it stays in the pool).</summary>
    private const int MaxAge = 3;

    /// <summary>Per arc, a small capacity added in separation so that, of the minimum cuts, one with few arcs is found.</summary>
    private const double Creep = 1e-6;

    private readonly List<int[]> _cuts = [];
    private readonly List<int> _age = [];
    private readonly List<bool> _active = [];
    private readonly SteinerGraph _g;
    private readonly bool[] _usable;
    private readonly int _root;
    private readonly bool _rootIsLeaf;
    private readonly long[] _cost;

    public CutModel(SteinerGraph graph, bool[] usableArcs, int root, bool rootIsLeaf)
    {
        _g = graph;
        _usable = usableArcs;
        _root = root;
        _rootIsLeaf = rootIsLeaf;
        _cost = new long[usableArcs.Length];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            _cost[2 * e] = graph.Weight(e);
            _cost[(2 * e) + 1] = graph.Weight(e);
        }

        foreach (var t in graph.Terminals)
        {
            if (t != root || rootIsLeaf)
            {
                Offset += Shift(t, into: t != root);
            }
        }
    }

    /// <summary>The constant part of the objective (add it to the solvers' objective values and bounds).</summary>
    public long Offset { get; }

    /// <summary>Objective coefficient of <paramref name="arc"/> (its cost less the shift into <see cref="Offset"/>).</summary>
    public long ArcCost(int arc) => _cost[arc];

    /// <summary>The Steiner cut pool, as arc lists (each cut: sum of x over the arcs at least 1).</summary>
    public IReadOnlyList<int[]> Cuts => _cuts;

    /// <summary>Adds cuts to the pool and the LP.</summary>
    public void AddCuts(IEnumerable<int[]> cuts)
    {
        foreach (var cut in cuts)
        {
            _cuts.Add(cut);
            _age.Add(0);
            _active.Add(true);
        }
    }

    /// <summary>
    /// Ages the cuts in the LP by <paramref name="value"/>: a cut slack for more than a few rounds leaves the LP
    /// (the LP stays small and fast to solve; the pool keeps it for <see cref="SeparatePool"/>).
    /// </summary>
    public void Age(double[] value)
    {
        for (var i = 0; i < _cuts.Count; i++)
        {
            if (!_active[i])
            {
                continue;
            }

            if (Activity(_cuts[i], value) > 1 + 1e-6)
            {
                _age[i]++;
                if (_age[i] > MaxAge)
                {
                    _active[i] = false;
                }
            }
            else
            {
                _age[i] = 0;
            }
        }
    }

    /// <summary>Puts back into the LP the pool cuts that <paramref name="value"/> violates; returns how many.</summary>
    public int SeparatePool(double[] value)
    {
        var count = 0;
        for (var i = 0; i < _cuts.Count; i++)
        {
            if (!_active[i] && Activity(_cuts[i], value) < 1 - 1e-6)
            {
                _active[i] = true;
                _age[i] = 0;
                count++;
            }
        }

        return count;
    }

    private static double Activity(int[] cut, double[] value)
    {
        var sum = 0.0;
        foreach (var a in cut)
        {
            sum += value[a];
        }

        return sum;
    }

    /// <summary>Creates a solver with the base constraints and the cuts in the LP; returns the arc variables (null where unusable).</summary>
    public Variable?[] Build(Solver solver, bool integer)
    {
        var g = _g;
        var x = new Variable?[2 * g.EdgeCount];
        var objective = solver.Objective();
        objective.SetMinimization();
        for (var a = 0; a < x.Length; a++)
        {
            if (_usable[a])
            {
                x[a] = integer ? solver.MakeBoolVar("x" + a) : solver.MakeNumVar(0, 1, "x" + a);
                objective.SetCoefficient(x[a], _cost[a]);
            }
        }

        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (x[2 * e] is { } forward && x[(2 * e) + 1] is { } backward)
            {
                var oneWay = solver.MakeConstraint(0, 1);
                oneWay.SetCoefficient(forward, 1);
                oneWay.SetCoefficient(backward, 1);
            }
        }

        if (_rootIsLeaf)
        {
            var outDegree = solver.MakeConstraint(1, 1);
            foreach (var e in g.IncidentEdges(_root))
            {
                if (x[DualAscent.ArcOutOf(g, e, _root)] is { } arc)
                {
                    outDegree.SetCoefficient(arc, 1);
                }
            }
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            if (v == _root)
            {
                continue;
            }

            var terminal = g.IsTerminal(v);
            var inDegree = solver.MakeConstraint(terminal ? 1 : 0, 1);
            var balance = terminal ? null : solver.MakeConstraint(double.NegativeInfinity, 0);
            foreach (var e in g.IncidentEdges(v))
            {
                var into = x[DualAscent.ArcInto(g, e, v)];
                var outOf = x[DualAscent.ArcOutOf(g, e, v)];
                if (into is not null)
                {
                    inDegree.SetCoefficient(into, 1);
                    balance?.SetCoefficient(into, 1);
                }

                if (outOf is not null && balance is not null)
                {
                    balance.SetCoefficient(outOf, -1);
                }
            }

            if (terminal)
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(v))
            {
                var outOf = x[DualAscent.ArcOutOf(g, e, v)];
                if (outOf is null)
                {
                    continue;
                }

                var gsec = solver.MakeConstraint(double.NegativeInfinity, 0);
                gsec.SetCoefficient(outOf, 1);
                foreach (var f in g.IncidentEdges(v))
                {
                    var into = x[DualAscent.ArcInto(g, f, v)];
                    if (into is not null && f != e)
                    {
                        gsec.SetCoefficient(into, -1);
                    }
                }
            }
        }

        for (var i = 0; i < _cuts.Count; i++)
        {
            if (_active[i])
            {
                AddCut(solver, x, _cuts[i]);
            }
        }

        return x;
    }

    /// <summary>Lowers the usable arcs into (or out of) <paramref name="t"/> by the lightest one's cost; returns that cost.</summary>
    private long Shift(int t, bool into)
    {
        var g = _g;
        var least = long.MaxValue;
        foreach (var e in g.IncidentEdges(t))
        {
            var arc = into ? DualAscent.ArcInto(g, e, t) : DualAscent.ArcOutOf(g, e, t);
            if (_usable[arc])
            {
                least = Math.Min(least, _cost[arc]);
            }
        }

        if (least == long.MaxValue)
        {
            return 0;
        }

        foreach (var e in g.IncidentEdges(t))
        {
            var arc = into ? DualAscent.ArcInto(g, e, t) : DualAscent.ArcOutOf(g, e, t);
            if (_usable[arc])
            {
                _cost[arc] -= least;
            }
        }

        return least;
    }

    /// <summary>Adds one Steiner cut to <paramref name="solver"/>.</summary>
    public static void AddCut(Solver solver, Variable?[] x, int[] arcs)
    {
        var c = solver.MakeConstraint(1, double.PositiveInfinity);
        foreach (var a in arcs)
        {
            if (x[a] is { } v)
            {
                c.SetCoefficient(v, 1);
            }
        }
    }

    /// <summary>
    /// Separates violated Steiner cuts for the arc values <paramref name="value"/> by maximum flow from the
    /// root to each terminal (with up to <paramref name="nested"/> nested cuts per terminal); returns the new cuts.
    /// </summary>
    public List<int[]> Separate(double[] value, MaxFlow flow, int nested)
    {
        var g = _g;
        var found = new List<int[]>();
        var cap = new double[value.Length];
        var side = new bool[g.NodeCount];
        foreach (var t in g.Terminals)
        {
            if (t == _root)
            {
                continue;
            }

            for (var a = 0; a < cap.Length; a++)
            {
                cap[a] = _usable[a] ? value[a] + Creep : 0.0;
            }

            for (var round = 0; round < nested; round++)
            {
                var f = flow.Run(cap, _root, t, 1.0);
                if (f >= 1.0 - 1e-6)
                {
                    break;
                }

                flow.SinkSide(t, side);
                var arcs = new List<int>();
                for (var e = 0; e < g.EdgeCount; e++)
                {
                    int a = g.Tail(e), b = g.Head(e);
                    if (side[a] == side[b])
                    {
                        continue;
                    }

                    var arc = side[b] ? 2 * e : (2 * e) + 1;
                    if (_usable[arc])
                    {
                        arcs.Add(arc);
                    }
                }

                if (arcs.Count == 0)
                {
                    break; // the terminal cannot be reached over usable arcs: the model is infeasible
                }

                foreach (var arc in arcs)
                {
                    cap[arc] = 1.0;
                }

                found.Add([.. arcs]);
                if (round == 0 && flow.SourceSide(_root, side) && !side[t])
                {
                    // Back cut: the minimum cut nearest the root, often a different and useful inequality.
                    var back = new List<int>();
                    for (var e = 0; e < g.EdgeCount; e++)
                    {
                        int a = g.Tail(e), b = g.Head(e);
                        if (side[a] != side[b])
                        {
                            var arc = side[a] ? 2 * e : (2 * e) + 1;
                            if (_usable[arc])
                            {
                                back.Add(arc);
                            }
                        }
                    }

                    if (back.Count > 0 && back.Count != arcs.Count)
                    {
                        found.Add([.. back]);
                    }
                }
            }
        }

        AddCuts(found);
        return found;
    }
}
