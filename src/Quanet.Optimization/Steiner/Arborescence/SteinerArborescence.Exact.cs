using Google.OrTools.LinearSolver;
using Quanet.Core;
using Quanet.Optimization.Steiner.Exact;

namespace Quanet.Optimization.Steiner.Arborescence;

/// <summary>The exact phase of <see cref="SteinerArborescence"/>: dual ascent, the cut LP, then SCIP.</summary>
public static partial class SteinerArborescence
{
    /// <summary>Rounds without a rise of the rounded LP bound after which the cut loop hands over to SCIP.</summary>
    private const int StallRounds = 12;

    /// <summary>Arcs, over all cuts, of the dual-ascent cuts that seed the LP.</summary>
    private const int SeedNonzeros = 400_000;

    private static ExactResult Exact(SteinerGraph g, int root, int[] incumbent, long incumbentCost, TimeProvider time, long deadline)
    {
        bool Expired() => time.GetTimestamp() >= deadline;
        double Remaining() => Math.Max(0.0, (deadline - time.GetTimestamp()) / (double)time.TimestampFrequency);

        // Edge e of g is arc e; its reverse direction (2e + 1) is not part of the digraph.
        var reverse = new bool[2 * g.EdgeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            reverse[(2 * e) + 1] = true;
        }

        var ascentCuts = new List<int[]>();
        var dual = DualAscent.Run(g, root, Expired, reverse, ascentCuts, SeedNonzeros);
        var lowerBound = dual.LowerBound;
        if (lowerBound >= incumbentCost)
        {
            return new ExactResult(incumbent, incumbentCost, incumbentCost, true, 0, 0);
        }

        var usable = ReducedCostFixing.UsableArcs(g, dual, incumbentCost, out var fixedArcs);
        var model = new CutModel(g, usable, root, rootIsLeaf: false);
        model.AddCuts(ascentCuts);
        var flow = new MaxFlow(g);
        var value = new double[2 * g.EdgeCount];

        var stalled = 0;
        var lastBound = long.MinValue;
        while (!Expired())
        {
            using var lp = Solver.CreateSolver("GLOP") ?? throw new QuanetException("the GLOP LP solver is not available");
            var x = model.Build(lp, integer: false);
            lp.SetTimeLimit((long)(Remaining() * 1000) + 1);
            var status = lp.Solve();
            if (status == Solver.ResultStatus.INFEASIBLE)
            {
                // No arborescence cheaper than the incumbent exists among the usable arcs.
                return new ExactResult(incumbent, incumbentCost, incumbentCost, true, model.Cuts.Count, fixedArcs);
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                break;
            }

            Read(x, value);
            var rounded = RoundUp(lp.Objective().Value()) + model.Offset;
            lowerBound = Math.Max(lowerBound, rounded);
            if (lowerBound >= incumbentCost)
            {
                return new ExactResult(incumbent, incumbentCost, incumbentCost, true, model.Cuts.Count, fixedArcs);
            }

            model.Age(value);
            if (model.SeparatePool(value) + model.Separate(value, flow, nested: 3).Count == 0)
            {
                if (TryArborescence(g, root, value, out var lpTree, out var lpCost) && lpCost <= lowerBound)
                {
                    return new ExactResult(lpTree, lpCost, lpCost, true, model.Cuts.Count, fixedArcs);
                }

                break;
            }

            stalled = rounded > lastBound ? 0 : stalled + 1;
            lastBound = Math.Max(lastBound, rounded);
            if (stalled >= StallRounds)
            {
                break;
            }
        }

        var best = incumbent;
        var bestCost = incumbentCost;
        while (!Expired())
        {
            using var mip = Solver.CreateSolver("SCIP") ?? throw new QuanetException("the SCIP MIP solver is not available");
            mip.SetNumThreads(1);
            var x = model.Build(mip, integer: true);
            Hint(mip, x, best);
            mip.SetTimeLimit((long)(Remaining() * 1000) + 1);
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            var status = mip.Solve(parameters);
            if (status == Solver.ResultStatus.INFEASIBLE)
            {
                return new ExactResult(best, bestCost, bestCost, true, model.Cuts.Count, fixedArcs);
            }

            var bestBound = mip.Objective().BestBound();
            var bound = double.IsFinite(bestBound) ? RoundUp(bestBound) + model.Offset : long.MinValue;
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            {
                lowerBound = Math.Max(lowerBound, Math.Min(bound, bestCost));
                break;
            }

            Read(x, value);
            if (model.Separate(value, flow, nested: 1).Count > 0)
            {
                // SCIP's answer misses a terminal: its bound holds (the model is a relaxation); solve again with the cuts.
                lowerBound = Math.Max(lowerBound, Math.Min(bound, bestCost));
                continue;
            }

            if (TryArborescence(g, root, value, out var tree, out var cost) && cost < bestCost)
            {
                best = tree;
                bestCost = cost;
            }

            lowerBound = Math.Max(lowerBound, Math.Min(bound, bestCost));
            break;
        }

        lowerBound = Math.Min(lowerBound, bestCost);
        return new ExactResult(best, bestCost, lowerBound, lowerBound >= bestCost, model.Cuts.Count, fixedArcs);
    }

    /// <summary>A solver's bound rounded up to an integer less a tolerance, so that it stays safe.</summary>
    private static long RoundUp(double bound) => (long)Math.Ceiling(bound - 1e-6 - (1e-7 * Math.Abs(bound)));

    private static void Read(Variable?[] x, double[] value)
    {
        for (var a = 0; a < x.Length; a++)
        {
            value[a] = x[a]?.SolutionValue() ?? 0.0;
        }
    }

    /// <summary>Gives SCIP the arborescence <paramref name="arcs"/> as a hint (nothing if one of its arcs was fixed out).</summary>
    private static void Hint(Solver mip, Variable?[] x, int[] arcs)
    {
        var chosen = new bool[x.Length];
        foreach (var e in arcs)
        {
            if (x[2 * e] is null)
            {
                return;
            }

            chosen[2 * e] = true;
        }

        var variables = new List<Variable>();
        var values = new List<double>();
        for (var a = 0; a < x.Length; a++)
        {
            if (x[a] is { } v)
            {
                variables.Add(v);
                values.Add(chosen[a] ? 1.0 : 0.0);
            }
        }

        mip.SetHint([.. variables], [.. values]);
    }
}
