using Quanet.Core;
using Quanet.Core.Geodesy;
using Quanet.Optimization.Hardware;
using Quanet.Planning.Coverage;
using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;

namespace Quanet.Planning.Scenario;

/// <summary>Solves a scenario: checks the goal, presolves, runs the solver(s) and maps the best answer back.</summary>
public static class Planner
{
    /// <summary>Runs every solver in <paramref name="solvers"/> on the presolved instance and keeps the best feasible answer.</summary>
    /// <exception cref="QuanetException">The goal cannot be met (impossible budget, too many fixed sites, unreachable target).</exception>
    public static Plan Solve(PlanScenario scenario, IReadOnlyList<IPlacementSolver> solvers, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(solvers);
        ArgumentNullException.ThrowIfNull(options);
        if (solvers.Count == 0)
        {
            throw new ArgumentException("no solver given", nameof(solvers));
        }

        var instance = scenario.Instance;
        var goal = scenario.Request.Goal;
        GoalValidator.Check(instance, goal);
        var presolve = Presolver.Run(instance, goal);
        var results = new List<PlacementComparison>();
        foreach (var solver in solvers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Stop.IsCancellationRequested && results.Exists(r => r.Result is { Feasible: true }))
            {
                // stopped early: keep the answers so far rather than start the next solver
                break;
            }

            try
            {
                results.Add(new PlacementComparison(presolve.MapBack(solver.Solve(presolve.Reduced, presolve.ReducedGoal, options, cancellationToken)), null));
            }
            catch (SolverUnavailableException ex) when (solvers.Count > 1)
            {
                // in a comparison a solver that cannot take this instance (QAOA beyond its qubits) is a row, not a failure
                results.Add(new PlacementComparison(null, ex.Message) { Solver = solver.Name });
            }
        }

        results = WithBoundsAndFootprints(results, goal.Kind, options.Seed, cancellationToken);
        PlacementResult? best = null;
        foreach (var row in results)
        {
            if (row.Result is { Feasible: true } r && (best is null || Better(r, best, goal.Kind)))
            {
                best = r;
            }
        }

        if (best is null)
        {
            throw new QuanetException("no solver found a feasible plan");
        }

        return Finish(scenario, presolve, best, results);
    }

    /// <summary>
    /// The plan of <paramref name="best"/> on <paramref name="scenario"/>: serving sites, people per site and the covered
    /// weight (with capacities, the solver's capacity-respecting figure). The capacity objectives re-base the answer of a
    /// reduced instance on the original scenario this way.
    /// </summary>
    internal static Plan Finish(PlanScenario scenario, PresolveResult presolve, PlacementResult best, IReadOnlyList<PlacementComparison> results)
    {
        var instance = scenario.Instance;
        var (serving, population) = Assign(scenario, best.Sites);
        // with capacities the solver's evaluation (which respects them) is the covered demand; per-site figures are capped
        var covered = CoverageEvaluator.CoveredWeight(instance, best.Sites);
        if (instance.SiteCapacity is { } capacity)
        {
            covered = Math.Min(covered, best.CoveredDemand);
            foreach (var s in best.Sites)
            {
                population[s] = Math.Min(population[s], capacity[s]);
            }
        }

        return new Plan(scenario, presolve, best, results, serving, population, covered);
    }

    // every row's gap is measured against the best bound any solver proved (as PlacementComparer does), and every row
    // with a quantum path gets what its model needs on hardware
    private static List<PlacementComparison> WithBoundsAndFootprints(List<PlacementComparison> results, PlacementKind kind, int seed, CancellationToken cancellationToken)
    {
        double? bound = null;
        foreach (var row in results)
        {
            if (row.Result?.Bound is { } b)
            {
                bound = bound is null ? b : kind == PlacementKind.SetCover ? Math.Max(bound.Value, b) : Math.Min(bound.Value, b);
            }
        }

        var options = new HardwareFootprintOptions { Seed = seed };
        return results.ConvertAll(row => row with
        {
            BestBound = bound,
            Footprint = row.Result?.HardwareModel is { } model ? HardwareFootprints.Estimate(model, options, cancellationToken) : null,
        });
    }

    private static bool Better(PlacementResult a, PlacementResult b, PlacementKind kind) =>
        kind == PlacementKind.SetCover ? a.Objective < b.Objective - 1e-9 : a.Objective > b.Objective + 1e-9;

    private static (int[] Serving, double[] Population) Assign(PlanScenario scenario, int[] chosen)
    {
        var demand = scenario.Demand;
        var serving = new int[demand.Count];
        Array.Fill(serving, -1);
        var best = new double[demand.Count];
        foreach (var s in chosen)
        {
            var site = scenario.Sites[s].Location;
            foreach (var d in scenario.Instance.SiteCovers[s])
            {
                var point = demand[d].Location;
                var distance = GreatCircle.DistanceMetres(site.Latitude, site.Longitude, point.Latitude, point.Longitude);
                if (serving[d] < 0 || distance < best[d])
                {
                    serving[d] = s;
                    best[d] = distance;
                }
            }
        }

        var population = new double[scenario.Sites.Count];
        for (var d = 0; d < serving.Length; d++)
        {
            if (serving[d] >= 0)
            {
                population[serving[d]] += demand[d].Weight;
            }
        }

        return (serving, population);
    }
}
