using Google.OrTools.LinearSolver;
using Quanet.Core;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Exact Steiner tree solver on a reduced graph: leaf terminals (<see cref="LeafTerminals"/>) lose their
/// out-arcs; dual ascent bound and reduced-cost fixing against the heuristic incumbent; then the directed
/// cut LP, seeded with the dual-ascent cuts, solved by GLOP with Steiner cuts separated by maximum flow
/// until none is violated; then (if the LP does not already prove the incumbent or give an integral tree)
/// SCIP on the model with the cuts in the LP, re-solved with new cuts while its solution is disconnected.
/// Every bound used is valid for the whole problem (some optimal tree has the leaf terminals as leaves), so
/// the returned lower bound is proven at any stop.
/// </summary>
internal static partial class BranchAndCutSolver
{
    private const double IntegralityTolerance = 1e-6;
    private const int StallRounds = 12;

    /// <summary>Arcs, over all cuts, of the dual-ascent cuts that seed the LP.</summary>
    private const int SeedNonzeros = 400_000;

    /// <summary>
    /// Solves <paramref name="g"/>; <paramref name="leaf"/> is <see cref="LeafTerminals.Find"/>'s answer if known. With
    /// <paramref name="useClp"/> and COIN-OR CLP present the search is <see cref="LpBranchAndCut"/>; otherwise (the
    /// default) GLOP rebuilt each round, then SCIP.
    /// </summary>
    public static ExactResult Solve(SteinerGraph g, int[] incumbent, long incumbentCost, TimeProvider time, long deadlineTicks, bool[]? leaf = null, bool useClp = false)
    {
        bool Expired() => time.GetTimestamp() >= deadlineTicks;
        double RemainingSeconds() => Math.Max(0.0, (deadlineTicks - time.GetTimestamp()) / (double)time.TimestampFrequency);

        if (g.TerminalCount <= 1)
        {
            return new ExactResult([], 0, 0, true, 0, 0);
        }

        leaf ??= LeafTerminals.Find(g);
        var root = ChooseRoot(g, leaf);
        var ascentCuts = new List<int[]>();
        var dual = DualAscent.Run(g, root, Expired, LeafArcs(g, leaf, root), ascentCuts, SeedNonzeros);
        long lowerBound = dual.LowerBound;
        if (lowerBound >= incumbentCost)
        {
            return new ExactResult(incumbent, incumbentCost, incumbentCost, true, 0, 0);
        }

        var usable = ReducedCostFixing.UsableArcs(g, dual, incumbentCost, out var fixedArcs);
        var model = new CutModel(g, usable, root, leaf[root]);
        if (useClp && Lp.ClpLibrary.Available)
        {
            using var search = new LpBranchAndCut(g, model, usable, root, leaf[root], incumbent, incumbentCost, time, deadlineTicks);
            var (edges, cost, bound) = search.Run(lowerBound, ascentCuts);
            return new ExactResult(edges, cost, Math.Min(bound, cost), bound >= cost, search.CutCount, fixedArcs + search.RootFixed, search.Nodes, "clp");
        }

        model.AddCuts(ascentCuts);
        var flow = new MaxFlow(g);
        var value = new double[2 * g.EdgeCount];

        // Cutting-plane loop on the LP relaxation. GLOP re-reads the whole model at every solve anyway, so each
        // round builds a fresh LP holding only the cuts that have been binding lately (see CutModel.Age).
        var stalled = 0;
        var lastBound = long.MinValue;
        while (!Expired())
        {
            var (status, objective) = SolveLp(model, value, RemainingSeconds);
            if (status == Solver.ResultStatus.INFEASIBLE)
            {
                // No tree cheaper than the incumbent exists among the usable arcs.
                return new ExactResult(incumbent, incumbentCost, incumbentCost, true, model.Cuts.Count, fixedArcs, 0, "glop");
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                break;
            }

            // The LP holds a subset of the cuts, so its optimum is a valid bound at every round.
            var rounded = RoundUp(objective) + model.Offset;
            lowerBound = Math.Max(lowerBound, rounded);
            if (lowerBound >= incumbentCost)
            {
                return new ExactResult(incumbent, incumbentCost, incumbentCost, true, model.Cuts.Count, fixedArcs, 0, "glop");
            }

            model.Age(value);
            var added = model.SeparatePool(value) + model.Separate(value, flow, nested: 3).Count;
            if (added == 0)
            {
                if (IsIntegral(value) && TryTree(g, value, out var lpTree, out var lpCost) && lpCost <= lowerBound)
                {
                    return new ExactResult(lpTree, lpCost, lpCost, true, model.Cuts.Count, fixedArcs, 0, "glop");
                }

                break;
            }

            // Tailing off: when the rounded LP bound has not moved for a while, branching pays more than cutting.
            stalled = rounded > lastBound ? 0 : stalled + 1;
            lastBound = Math.Max(lastBound, rounded);
            if (stalled >= StallRounds)
            {
                break;
            }
        }

        // Integer phase: SCIP with all cuts; cuts are added while its solution is disconnected.
        var bestEdges = incumbent;
        var bestCost = incumbentCost;
        while (!Expired())
        {
            using var mip = Solver.CreateSolver("SCIP") ?? throw new QuanetException("the SCIP MIP solver is not available");
            mip.SetNumThreads(1);
            var x = model.Build(mip, integer: true);
            Hint(g, mip, x, bestEdges, root);
            if (Expired())
            {
                // Building the model took what was left (dense graphs): SCIP would run past the deadline.
                break;
            }

            mip.SetTimeLimit((long)(RemainingSeconds() * 1000) + 1);

            // SCIP stops at a relative gap of 1e-4 by default and calls that optimal; on instances with large
            // weights that is several units, so only a zero gap (and only its best bound) counts as a proof.
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            var status = mip.Solve(parameters);
            if (status == Solver.ResultStatus.INFEASIBLE)
            {
                return new ExactResult(bestEdges, bestCost, bestCost, true, model.Cuts.Count, fixedArcs, 0, "glop");
            }

            var bound = RoundUp(mip.Objective().BestBound()) + model.Offset;
            if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
            {
                Read(x, value);
                var cuts = model.Separate(value, flow, nested: 1);
                if (cuts.Count == 0)
                {
                    if (TryTree(g, value, out var tree, out var cost) && cost < bestCost)
                    {
                        bestEdges = tree;
                        bestCost = cost;
                    }

                    if (status == Solver.ResultStatus.OPTIMAL)
                    {
                        lowerBound = Math.Max(lowerBound, Math.Min(bound, bestCost));
                        return new ExactResult(bestEdges, bestCost, Math.Min(lowerBound, bestCost), lowerBound >= bestCost, model.Cuts.Count, fixedArcs, 0, "glop");
                    }
                }

                if (status == Solver.ResultStatus.OPTIMAL || cuts.Count > 0)
                {
                    lowerBound = Math.Max(lowerBound, Math.Min(bound, bestCost));
                    if (cuts.Count > 0)
                    {
                        continue;
                    }
                }
            }

            if (status != Solver.ResultStatus.OPTIMAL && bound > lowerBound && !double.IsInfinity(mip.Objective().BestBound()))
            {
                lowerBound = Math.Min(bound, bestCost);
            }

            break;
        }

        return new ExactResult(bestEdges, bestCost, Math.Min(lowerBound, bestCost), lowerBound >= bestCost, model.Cuts.Count, fixedArcs, 0, "glop");
    }

    /// <summary>Solves the LP with the model's current cuts; on optimality reads the arc values into <paramref name="value"/>.</summary>
    /// <param name="model">The cut model.</param>
    /// <param name="value">Receives the arc values.</param>
    /// <param name="remainingSeconds">Time left, read after the model is built: on dense graphs the build itself takes
    /// seconds, and GLOP must only get what is then left.</param>
    private static (Solver.ResultStatus Status, double Objective) SolveLp(CutModel model, double[] value, Func<double> remainingSeconds)
    {
        using var lp = Solver.CreateSolver("GLOP") ?? throw new QuanetException("the GLOP LP solver is not available");
        var x = model.Build(lp, integer: false);
        var seconds = remainingSeconds();
        if (seconds <= 0)
        {
            return (Solver.ResultStatus.NOT_SOLVED, 0);
        }

        lp.SetTimeLimit((long)(seconds * 1000) + 1);
        var status = lp.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return (status, 0);
        }

        Read(x, value);
        return (status, lp.Objective().Value());
    }

    /// <summary>
    /// A solver's bound rounded up to the next integer, less a relative tolerance: on objectives of millions
    /// the solvers' floating-point tolerances reach tenths, and a bound is only useful if it is safe.
    /// </summary>
    internal static long RoundUp(double bound) => (long)Math.Ceiling(bound - 1e-6 - (1e-7 * Math.Abs(bound)));

    /// <summary>The terminal of largest degree, preferring terminals that are not leaves.</summary>
    internal static int ChooseRoot(SteinerGraph g, bool[] leaf)
    {
        var root = g.Terminals[0];
        foreach (var t in g.Terminals)
        {
            if ((leaf[root] && !leaf[t]) || (leaf[root] == leaf[t] && g.Degree(t) > g.Degree(root)))
            {
                root = t;
            }
        }

        return root;
    }

    /// <summary>The arcs out of leaf terminals other than the root, which some optimal tree does not use.</summary>
    internal static bool[]? LeafArcs(SteinerGraph g, bool[] leaf, int root)
    {
        bool[]? forbidden = null;
        foreach (var t in g.Terminals)
        {
            if (!leaf[t] || t == root)
            {
                continue;
            }

            forbidden ??= new bool[2 * g.EdgeCount];
            foreach (var e in g.IncidentEdges(t))
            {
                forbidden[DualAscent.ArcOutOf(g, e, t)] = true;
            }
        }

        return forbidden;
    }

    private static void Read(Variable?[] x, double[] value)
    {
        for (var a = 0; a < x.Length; a++)
        {
            value[a] = x[a]?.SolutionValue() ?? 0.0;
        }
    }

    internal static bool IsIntegral(double[] value)
    {
        foreach (var v in value)
        {
            if (v > IntegralityTolerance && v < 1 - IntegralityTolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns arc values into a tree (support, re-spanned and pruned); false if it misses a terminal.</summary>
    internal static bool TryTree(SteinerGraph g, double[] value, out int[] edges, out long cost)
    {
        var ws = new TreeWorkspace(g);
        var mask = new bool[g.NodeCount];
        var nodes = new List<int>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (value[2 * e] + value[(2 * e) + 1] > 0.5)
            {
                foreach (var v in (ReadOnlySpan<int>)[g.Tail(e), g.Head(e)])
                {
                    if (!mask[v])
                    {
                        mask[v] = true;
                        nodes.Add(v);
                    }
                }
            }
        }

        var list = new List<int>();
        cost = TreeOps.Build(ws, mask, nodes, list);
        edges = [.. list];
        return cost >= 0;
    }

    /// <summary>Gives SCIP the incumbent, oriented away from the root, as a hint.</summary>
    private static void Hint(SteinerGraph g, Solver mip, Variable?[] x, int[] tree, int root)
    {
        var onTree = new HashSet<int>(tree);
        var hinted = new List<Variable>();
        var values = new List<double>();
        var seen = new bool[g.NodeCount];
        var stack = new Stack<int>();
        stack.Push(root);
        seen[root] = true;
        var ok = true;
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Other(e, v);
                if (!onTree.Contains(e) || seen[u])
                {
                    continue;
                }

                seen[u] = true;
                stack.Push(u);
                if (x[DualAscent.ArcOutOf(g, e, v)] is { } arc)
                {
                    hinted.Add(arc);
                    values.Add(1.0);
                }
                else
                {
                    ok = false;
                }
            }
        }

        if (!ok || hinted.Count == 0)
        {
            return;
        }

        var set = new HashSet<Variable>(hinted);
        foreach (var v in x)
        {
            if (v is not null && !set.Contains(v))
            {
                hinted.Add(v);
                values.Add(0.0);
            }
        }

        mip.SetHint([.. hinted], [.. values]);
    }
}
