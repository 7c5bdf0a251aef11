using Google.OrTools.LinearSolver;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Backhaul;

/// <summary>
/// The minimum-cost backhaul tree in which every site is at most a given number of links from its PoP, as
/// a hop-indexed integer programme (Gouveia, "Using variable redefinition for computing lower bounds for
/// minimum spanning and Steiner trees with hop constraints", INFORMS J. Comput. 10, 1998) solved by SCIP.
/// Variable y(i, j, h) says the route i-j is used with site j at depth h: h = 1 when i is a PoP, 2..H when
/// i is a site. Each site has one parent link, and a link out of a site at depth h needs that site at depth
/// h - 1. Depths rise strictly along links, so every solution is a forest hanging from the PoPs and no
/// connectivity cuts are needed. It was the designer's method before <see cref="LayeredHopTree"/> (whose cut
/// relaxation is far stronger: on the default plan it proves H = 2..10 where this one stalled from H = 5);
/// the tests keep it as an independent formulation to compare against.
/// </summary>
internal static class HopLimitedTree
{
    /// <summary>
    /// Solves the problem over <paramref name="routes"/> (node ids: sites 0..siteCount-1, PoPs after them).
    /// Returns the chosen routes, SCIP's lower bound and whether it proved optimality; null when SCIP found
    /// no solution in time (or none exists).
    /// </summary>
    public static (List<int> Routes, double LowerBound, bool Optimal)? Solve(
        int siteCount, int nodeCount, IReadOnlyList<(int A, int B, double Cost)> routes, int limit, TimeSpan timeLimit)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("the SCIP MIP solver is not available");
        solver.SetNumThreads(1);
        var objective = solver.Objective();
        objective.SetMinimization();

        // into[j][h]: variables putting site j at depth h; outOf[i][h]: variables leaving site i at depth h.
        var into = NewLists(siteCount, limit + 1);
        var outOf = NewLists(siteCount, limit + 1);
        var arcs = new List<(Variable Y, int Route)>();
        for (var r = 0; r < routes.Count; r++)
        {
            var (a, b, cost) = routes[r];
            foreach (var (i, j) in (ReadOnlySpan<(int, int)>)[(a, b), (b, a)])
            {
                if (j >= siteCount)
                {
                    continue; // nothing hangs a PoP from anything
                }

                var (first, last) = i >= siteCount ? (1, 1) : (2, limit);
                for (var h = first; h <= last; h++)
                {
                    var y = solver.MakeBoolVar($"y{r}_{i}_{j}_{h}");
                    objective.SetCoefficient(y, cost);
                    into[j][h].Add(y);
                    if (i < siteCount)
                    {
                        outOf[i][h].Add(y);
                    }

                    arcs.Add((y, r));
                }
            }
        }

        for (var j = 0; j < siteCount; j++)
        {
            var parent = solver.MakeConstraint(1, 1, $"parent{j}");
            for (var h = 1; h <= limit; h++)
            {
                foreach (var y in into[j][h])
                {
                    parent.SetCoefficient(y, 1);
                }
            }

            for (var h = 2; h <= limit; h++)
            {
                foreach (var y in outOf[j][h])
                {
                    var depth = solver.MakeConstraint(double.NegativeInfinity, 0);
                    depth.SetCoefficient(y, 1);
                    foreach (var z in into[j][h - 1])
                    {
                        depth.SetCoefficient(z, -1);
                    }
                }
            }
        }

        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        var status = solver.Solve(parameters);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return null;
        }

        var chosen = new List<int>(siteCount);
        foreach (var (y, r) in arcs)
        {
            if (y.SolutionValue() > 0.5)
            {
                chosen.Add(r);
            }
        }

        return (chosen, objective.BestBound(), status == Solver.ResultStatus.OPTIMAL);
    }

    private static List<Variable>[][] NewLists(int count, int depths)
    {
        var lists = new List<Variable>[count][];
        for (var i = 0; i < count; i++)
        {
            lists[i] = new List<Variable>[depths];
            for (var h = 0; h < depths; h++)
            {
                lists[i][h] = [];
            }
        }

        return lists;
    }
}
