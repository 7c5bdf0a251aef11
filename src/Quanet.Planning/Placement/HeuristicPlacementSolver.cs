namespace Quanet.Planning.Placement;

/// <summary>
/// The classical heuristic (<c>heuristic</c>): for maximal covering, lazy greedy then add/drop/swap local
/// search and iterated local search; for set cover, a Lagrangian heuristic (pure covers) or ratio greedy,
/// then iterated greedy. Seeded; runs until the time limit. Reports the Lagrangian bound it computed on the side.
/// </summary>
public sealed class HeuristicPlacementSolver : IPlacementSolver
{
    /// <inheritdoc />
    public string Name => "heuristic";

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        GoalValidator.Check(instance, goal);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SearchClock(options.TimeProvider, options.TimeLimit, options.Stop);
        var random = new Random(options.Seed);
        var index = CoverageIndex.Build(instance);
        var (selection, bound) = goal.Kind == PlacementKind.SetCover
            ? SolveSetCover(instance, goal, index, clock, random, options, cancellationToken)
            : SolveMaxCover(instance, goal, index, clock, random, options, cancellationToken);
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        if (!evaluation.Feasible && goal.Kind == PlacementKind.SetCover && instance.SiteCapacity is not null)
        {
            evaluation = CapacityRepair.Complete(instance, goal, selection);
        }

        var optimal = bound is { } b && Proves(goal, evaluation.Objective, b, instance);
        return PlacementEvaluator.ToResult(Name, evaluation, bound, optimal, clock.Elapsed);
    }

    /// <summary>Whether <paramref name="bound"/> proves <paramref name="objective"/> optimal.</summary>
    internal static bool Proves(PlacementGoal goal, double objective, double bound, CoverageInstance instance)
    {
        var tolerance = 1e-9 * Math.Max(1.0, Math.Abs(objective));
        return goal.Kind == PlacementKind.SetCover ? objective <= bound + tolerance : objective >= bound - tolerance;
    }

    private static (bool[] Selection, double? Bound) SolveMaxCover(
        CoverageInstance instance, PlacementGoal goal, CoverageIndex index, SearchClock clock, Random random, PlacementOptions options, CancellationToken ct)
    {
        var search = new MaxCoverSearch(instance, goal, index);
        search.Greedy();
        search.LocalSearch(clock, ct);
        Report(options, clock, search.BestObjective, null);

        // a bound on the side, from a small share of the time: tells the planner how far the heuristic can be from optimal
        var lagrangian = new MaxCoverLagrangian(instance, goal);
        var boundClock = new SearchClock(options.TimeProvider, TimeSpan.FromTicks(clock.Remaining.Ticks / 5), options.Stop);
        lagrangian.Run(search.BestObjective, boundClock, 300, ct);
        double? bound = double.IsPositiveInfinity(lagrangian.UpperBound) ? null : lagrangian.UpperBound;
        search.Iterate(clock, random, ct, value => Report(options, clock, value, bound));
        return (search.Best, bound);
    }

    private static (bool[] Selection, double? Bound) SolveSetCover(
        CoverageInstance instance, PlacementGoal goal, CoverageIndex index, SearchClock clock, Random random, PlacementOptions options, CancellationToken ct)
    {
        var search = new SetCoverSearch(instance, goal, index);
        double? bound = null;
        if (IsPureCover(instance, goal))
        {
            var lagrangian = new SetCoverLagrangian(instance, index);
            var phaseClock = new SearchClock(options.TimeProvider, TimeSpan.FromTicks(clock.Remaining.Ticks / 2), options.Stop);
            lagrangian.Run(phaseClock, random, 8, ct);
            bound = lagrangian.RoundedLowerBound;
            Report(options, clock, lagrangian.UpperBound, bound);
            search.Construct(lagrangian.BestSolution, random);
            if (lagrangian.Proven)
            {
                return (search.Best, bound);
            }
        }
        else
        {
            search.Construct([], random);
        }

        search.Iterate(clock, random, ct);
        Report(options, clock, search.BestObjective, bound);
        return (search.Best, bound);
    }

    /// <summary>A set cover of every positive-weight demand point with no overlap penalty and no capacities.</summary>
    internal static bool IsPureCover(CoverageInstance instance, PlacementGoal goal) =>
        goal.Kind == PlacementKind.SetCover && goal.CoverageTarget >= 1.0 && goal.OverlapPenalty == 0 && instance.SiteCapacity is null;

    private static void Report(PlacementOptions options, SearchClock clock, double incumbent, double? bound) =>
        options.Progress?.Report(new PlacementProgress(clock.Elapsed, incumbent, bound));
}
