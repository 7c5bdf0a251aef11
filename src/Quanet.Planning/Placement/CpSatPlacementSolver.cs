using System.Globalization;
using Google.OrTools.Sat;
using Quanet.Core;

namespace Quanet.Planning.Placement;

/// <summary>
/// The exact solver (<c>cpsat</c>): OR-Tools CP-SAT on the presolved model of <see cref="CpSatCoverageModel"/>,
/// warm-started from the heuristic. Before CP-SAT runs, a Lagrangian relaxation gives a bound of its own
/// (maximal covering) or, for pure set covers, fixes to zero every column whose Lagrangian reduced cost
/// proves it cannot be in a cover cheaper than the heuristic's (Beasley 1990). The reported bound is the
/// best of CP-SAT's and the Lagrangian one; optimality is claimed only when proven.
/// </summary>
public sealed class CpSatPlacementSolver : IPlacementSolver
{
    /// <inheritdoc />
    public string Name => "cpsat";

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        GoalValidator.Check(instance, goal);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SearchClock(options.TimeProvider, options.TimeLimit, options.Stop);
        var index = CoverageIndex.Build(instance);
        var random = new Random(options.Seed);
        var warmLimit = TimeSpan.FromTicks(Math.Min(options.TimeLimit.Ticks / 10, TimeSpan.FromSeconds(10).Ticks));
        return goal.Kind == PlacementKind.SetCover && HeuristicPlacementSolver.IsPureCover(instance, goal)
            ? SolvePureCover(instance, goal, options, index, clock, random, warmLimit, cancellationToken)
            : SolveGeneral(instance, goal, options, index, clock, random, warmLimit, cancellationToken);
    }

    private PlacementResult SolveGeneral(
        CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CoverageIndex index, SearchClock clock, Random random, TimeSpan warmLimit, CancellationToken ct)
    {
        bool[] warm;
        double? lagrangianBound = null;
        if (goal.Kind == PlacementKind.MaximalCovering)
        {
            // warm start: greedy + local search, the Lagrangian bound (its site choices polished by local
            // search too), then iterated local search on the better of the two
            var search = new MaxCoverSearch(instance, goal, index);
            search.Greedy();
            var warmClock = new SearchClock(options.TimeProvider, warmLimit, options.Stop);
            search.LocalSearch(warmClock, ct);
            var lagrangian = new MaxCoverLagrangian(instance, goal);
            lagrangian.Run(search.BestObjective, new SearchClock(options.TimeProvider, warmLimit, options.Stop), 1000, ct);
            if (!double.IsPositiveInfinity(lagrangian.UpperBound))
            {
                lagrangianBound = lagrangian.UpperBound;
            }

            if (lagrangian.BestPrimal is { } primal)
            {
                var polished = new MaxCoverSearch(instance, goal, index);
                polished.Load(primal);
                polished.LocalSearch(warmClock, ct);
                if (polished.BestObjective > search.BestObjective)
                {
                    search = polished;
                }
            }

            options.Progress?.Report(new PlacementProgress(clock.Elapsed, search.BestObjective, lagrangianBound));
            search.Iterate(warmClock, random, ct);
            warm = search.Best;
        }
        else
        {
            var search = new SetCoverSearch(instance, goal, index);
            search.Construct([], random);
            warm = search.Best;
        }

        var reduction = CoverageReduction.Build(instance, goal, index, excluded: null);
        var warmEvaluation = PlacementEvaluator.Evaluate(instance, goal, reduction.MapSelection(warm));
        options.Progress?.Report(new PlacementProgress(clock.Elapsed, warmEvaluation.Objective, lagrangianBound));
        if (lagrangianBound is { } lb && warmEvaluation.Feasible && warmEvaluation.Objective >= lb - (1e-9 * Math.Max(1, lb)))
        {
            return PlacementEvaluator.ToResult(Name, warmEvaluation, lb, optimal: true, clock.Elapsed);
        }

        var model = CpSatCoverageModel.Build(instance, goal, reduction);
        model.Hint(warm);
        var (status, selection, bound) = RunSolver(model, options, clock, lagrangianBound, ct);
        var evaluation = selection is null ? warmEvaluation : PlacementEvaluator.Evaluate(instance, goal, selection);
        if (warmEvaluation.Feasible && Better(goal, warmEvaluation.Objective, evaluation.Objective))
        {
            evaluation = warmEvaluation;
        }

        if (status == CpSolverStatus.Infeasible)
        {
            throw new QuanetException("CP-SAT proved that no selection of sites meets the goal");
        }

        if (lagrangianBound is { } l && bound is { } b)
        {
            bound = Math.Min(l, b);
        }
        else
        {
            bound ??= lagrangianBound;
        }

        var optimal = bound is { } proven && HeuristicPlacementSolver.Proves(goal, evaluation.Objective, proven, instance);
        return PlacementEvaluator.ToResult(Name, evaluation, bound, optimal, clock.Elapsed);
    }

    private PlacementResult SolvePureCover(
        CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CoverageIndex index, SearchClock clock, Random random, TimeSpan warmLimit, CancellationToken ct)
    {
        var lagrangian = new SetCoverLagrangian(instance, index);
        lagrangian.Run(new SearchClock(options.TimeProvider, warmLimit, options.Stop), random, 4, ct);
        var upper = lagrangian.UpperBound;
        var incumbent = (bool[])lagrangian.BestSolution.Clone();
        options.Progress?.Report(new PlacementProgress(clock.Elapsed, upper, lagrangian.RoundedLowerBound));
        if (lagrangian.Proven)
        {
            var proven = PlacementEvaluator.Evaluate(instance, goal, incumbent);
            return PlacementEvaluator.ToResult(Name, proven, lagrangian.RoundedLowerBound, optimal: true, clock.Elapsed);
        }

        // a cover using column j costs at least LB + reduced_j: drop columns that cannot beat the incumbent
        var reduced = lagrangian.ReducedCosts();
        var threshold = lagrangian.IntegralCosts ? upper - 1 + 1e-6 : upper - 1e-9;
        var excluded = new bool[instance.SiteCount];
        for (var j = 0; j < excluded.Length; j++)
        {
            excluded[j] = lagrangian.LowerBound + Math.Max(0.0, reduced[j]) > threshold;
        }

        var reduction = CoverageReduction.Build(instance, goal, index, excluded);
        var classesUncoverable = false;
        var positiveDemand = 0;
        for (var i = 0; i < instance.DemandCount; i++)
        {
            if (instance.DemandWeight[i] > 0)
            {
                positiveDemand++;
            }
        }

        var coveredByClasses = 0.0;
        foreach (var w in reduction.ClassWeight)
        {
            coveredByClasses += w;
        }

        // a row left without any column means no cover cheaper than the incumbent exists
        classesUncoverable = coveredByClasses < instance.TotalDemand - (1e-9 * Math.Max(1, instance.TotalDemand)) && positiveDemand > 0;
        var lower = lagrangian.RoundedLowerBound;
        bool[]? selection = null;
        if (classesUncoverable)
        {
            lower = upper;
        }
        else
        {
            var model = CpSatCoverageModel.Build(instance, goal, reduction);
            model.Hint(incumbent);
            var (status, found, bound) = RunSolver(model, options, clock, lagrangian.RoundedLowerBound, ct);
            selection = found;
            if (status == CpSolverStatus.Infeasible)
            {
                lower = upper;
            }
            else if (bound is { } b)
            {
                // the reduced model's optimum bounds only covers cheaper than the incumbent, so the true bound is min(b, upper)
                lower = Math.Max(lower, Math.Min(b, upper));
            }
        }

        var evaluation = PlacementEvaluator.Evaluate(instance, goal, incumbent);
        if (selection is not null)
        {
            var candidate = PlacementEvaluator.Evaluate(instance, goal, selection);
            if (candidate.Feasible && candidate.Objective < evaluation.Objective)
            {
                evaluation = candidate;
            }
        }

        var optimal = HeuristicPlacementSolver.Proves(goal, evaluation.Objective, lower, instance);
        return PlacementEvaluator.ToResult(Name, evaluation, lower, optimal, clock.Elapsed);
    }

    private static (CpSolverStatus Status, bool[]? Selection, double? Bound) RunSolver(
        CpSatCoverageModel model, PlacementOptions options, SearchClock clock, double? externalBound, CancellationToken ct)
    {
        var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.1, clock.Remaining.TotalSeconds):F3} num_workers:{Workers(options)} random_seed:{options.Seed} relative_gap_limit:{options.RelativeGapLimit:R} log_search_progress:false{Portfolio(Workers(options))}"),
        };
        var callback = new CpSatProgressCallback(model, clock, options, externalBound);
        CpSolverStatus status;
        using (ct.Register(solver.StopSearch))
        using (options.Stop.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model, callback);
        }

        ct.ThrowIfCancellationRequested();
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException($"CP-SAT rejected the model: {solver.SolutionInfo()}");
        }

        var hasSolution = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        double? bound = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? model.BoundToOriginal(solver.BestObjectiveBound) : null;
        return (status, hasSolution ? model.Selection(solver) : null, bound);
    }

    // with few workers CP-SAT's default portfolio keeps the LP off for clause-only models (a cover row becomes
    // a bool_or); max_lp (full linearisation) and core (unsat-core lower bounds) are what prove covering optima
    private static string Portfolio(int workers) => workers >= 8 ? string.Empty : " subsolvers:\"max_lp\" subsolvers:\"core\"";

    private static int Workers(PlacementOptions options) => options.Threads > 0 ? options.Threads : Math.Max(1, Environment.ProcessorCount);

    private static bool Better(PlacementGoal goal, double a, double b) =>
        goal.Kind == PlacementKind.SetCover ? a < b : a > b;
}
