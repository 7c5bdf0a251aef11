using Quanet.Core;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Capacity;

/// <summary>
/// Solves a scenario under its <see cref="CapacityRequest.Objective"/> and evaluates the SINR and capacity of the answer.
/// Coverage is the covering problem as it is. Interference depends on the selection, so the sinr and traffic objectives
/// are not one covering instance; like a planning tool they iterate: solve, evaluate the SINR of the choice exactly,
/// then rebuild the instance from the original coverage lists against the interference of that choice: for sinr keep
/// only the site-demand pairs whose SINR (that site serving, every other chosen site interfering) reaches the minimum,
/// for traffic set each site's capacity in people from the spectral efficiency at the demand it covers; re-solve, until
/// a choice repeats or the rounds run out. The best round by the exact evaluation is the plan (people at the minimum
/// SINR, or traffic served within capacity).
/// </summary>
public static class CapacityPlanner
{
    /// <summary>Plans <paramref name="scenario"/> and sets <see cref="Plan.Radio"/>.</summary>
    /// <exception cref="Quanet.Core.QuanetException">The goal cannot be met.</exception>
    public static Plan Solve(PlanScenario scenario, IReadOnlyList<IPlacementSolver> solvers, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var request = scenario.Request.Capacity;
        var evaluator = new SinrEvaluator(scenario);
        if (request.Objective == PlanObjective.Coverage)
        {
            var plan = Planner.Solve(scenario, solvers, options, cancellationToken);
            var field = evaluator.Evaluate(plan.Result.Sites, options.TimeProvider);
            plan.Radio = CapacityReport.Build(field, request, [new CapacityRound(1, plan.Result.Sites.Length, plan.Result.Objective, plan.CoveredWeight, 0)]);
            return plan;
        }

        return Iterate(scenario, evaluator, request, solvers, options, cancellationToken);
    }

    private static Plan Iterate(PlanScenario scenario, SinrEvaluator evaluator, CapacityRequest request, IReadOnlyList<IPlacementSolver> solvers, PlacementOptions options, CancellationToken cancellationToken)
    {
        var original = scenario.Instance;
        var table = CqiTable.ForBand(scenario.Request.BandMegahertz);
        var minSinr = request.MinSinrDb ?? SpectralEfficiency.ServedSinrDecibels(table);
        var covers = original.SiteCovers;
        var capacity = request.Objective == PlanObjective.Traffic ? CapacityRule.People(evaluator, covers, evaluator.Evaluate([]), request, table) : null;
        var rounds = new List<CapacityRound>();
        Plan? best = null;
        SinrField? bestField = null;
        var bestScore = double.NegativeInfinity;
        var previous = new List<int[]>();
        for (var round = 1; round <= request.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instance = new CoverageInstance(original.DemandWeight, original.SiteCost, covers, original.SiteFlags, capacity);
            var variant = new PlanScenario(scenario.Request, scenario.Region, scenario.Demand, scenario.Sites, scenario.SiteRadius, scenario.Model, instance, scenario.CoverageTime)
            {
                Warnings = scenario.Warnings,
                Terrain = scenario.Terrain,
                Dem = scenario.Dem,
            };
            Plan solved;
            try
            {
                solved = Planner.Solve(variant, solvers, options, cancellationToken);
            }
            catch (QuanetException) when (best is not null)
            {
                // the filtered instance cannot meet the goal (a set-cover target beyond the pairs kept): keep the best so far
                break;
            }

            var chosen = solved.Result.Sites;
            var seen = previous.FindIndex(p => p.AsSpan().SequenceEqual(Sorted(chosen)));
            if (seen >= 0)
            {
                // the choice came back: its evaluation is that round's, and the next rounds would repeat the ones before
                rounds.Add(new CapacityRound(round, chosen.Length, solved.Result.Objective, rounds[seen].Evaluated, 0));
                break;
            }

            var field = evaluator.Evaluate(chosen, options.TimeProvider);
            var report = CapacityReport.Build(field, request, []);
            var score = request.Objective == PlanObjective.Sinr ? report.PeopleAtMinSinr : report.TrafficServedMbps;
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = solved;
                bestField = field;
            }

            previous.Add(Sorted(chosen));
            int changed;
            var same = false;
            if (request.Objective == PlanObjective.Sinr)
            {
                var kept = covers;
                (covers, changed) = CapacityRule.KeepPairsAtSinr(evaluator, original.SiteCovers, field, minSinr);
                same = SameSizes(kept, covers);
            }
            else
            {
                var next = CapacityRule.People(evaluator, original.SiteCovers, field, request, table);
                changed = CapacityRule.Changed(capacity!, next);
                same = changed == 0;
                capacity = next;
            }

            rounds.Add(new CapacityRound(round, chosen.Length, solved.Result.Objective, score, changed));
            if (same || options.Stop.IsCancellationRequested)
            {
                // the next instance would be this one again (or the user stopped)
                break;
            }
        }

        // the answer on the original scenario: its coverage lists (and capacities, if any) give the map and the counts
        var plan = Planner.Finish(scenario, best!.Presolve, best.Result, best.Results);
        plan.Radio = CapacityReport.Build(bestField!, request, rounds);
        return plan;
    }

    // both lists are subsets of the same original lists, so equal sizes mean equal lists
    private static bool SameSizes(int[][] a, int[][] b)
    {
        for (var j = 0; j < a.Length; j++)
        {
            if (a[j].Length != b[j].Length)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Sorted(int[] sites)
    {
        var copy = (int[])sites.Clone();
        Array.Sort(copy);
        return copy;
    }
}
