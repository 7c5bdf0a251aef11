using Google.OrTools.LinearSolver;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// The directed cut formulation (Wong 1984) over the usable arcs, with the standard strengthening used by
/// SCIP-Jack (Rehfeldt and Koch): in-degree one at terminals and at most one elsewhere, no arc into the
/// root, one direction per edge, and for non-terminals in-degree at most out-degree and every out-arc at
/// most the in-degree (flow balance). Steiner cuts are added by separation.
/// </summary>
internal sealed class CutModel
{
    private readonly SteinerGraph _g;
    private readonly bool[] _usable;
    private readonly int _root;

    public CutModel(SteinerGraph graph, bool[] usableArcs, int root)
    {
        _g = graph;
        _usable = usableArcs;
        _root = root;
    }

    /// <summary>The Steiner cuts found so far, as arc lists (each cut: sum of x over the arcs at least 1).</summary>
    public List<int[]> Cuts { get; } = [];

    /// <summary>Creates a solver with the base constraints and all cuts so far; returns the arc variables (null where unusable).</summary>
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
                objective.SetCoefficient(x[a], g.Weight(a >> 1));
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

        foreach (var cut in Cuts)
        {
            AddCut(solver, x, cut);
        }

        return x;
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

            Array.Copy(value, cap, value.Length);
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

        Cuts.AddRange(found);
        return found;
    }
}
