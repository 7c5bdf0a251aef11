using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>The GLOP path's root loop on its own, for the bench's comparison of the LP engines.</summary>
internal static partial class BranchAndCutSolver
{
    /// <summary>
    /// Runs <paramref name="rounds"/> rounds of the GLOP cutting-plane loop (a fresh LP per round, as in
    /// <see cref="Solve"/> without CLP) on <paramref name="model"/>; returns the bound reached and the seconds spent
    /// building and solving LPs.
    /// </summary>
    internal static (long Bound, double LpSeconds) GlopRounds(SteinerGraph g, CutModel model, int rounds, long bound)
    {
        var flow = new MaxFlow(g);
        var value = new double[2 * g.EdgeCount];
        var lpTime = new Stopwatch();
        for (var r = 0; r < rounds; r++)
        {
            lpTime.Start();
            var (status, objective) = SolveLp(model, value, () => 3600);
            lpTime.Stop();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                break;
            }

            bound = Math.Max(bound, RoundUp(objective) + model.Offset);
            model.Age(value);
            if (model.SeparatePool(value) + model.Separate(value, flow, nested: 3).Count == 0)
            {
                break;
            }
        }

        return (bound, lpTime.Elapsed.TotalSeconds);
    }
}
