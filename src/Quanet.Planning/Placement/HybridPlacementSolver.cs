using System.Globalization;
using Quanet.Optimization.Hybrid;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// <c>qubo-hybrid</c>: the placement QUBO (<see cref="PlacementQubo"/>, slack encoding) solved by hybrid
/// decomposition (<see cref="HybridSolver"/>): a classical outer loop over sub-QUBOs of at most
/// <paramref name="subSize"/> variables, each solved by <paramref name="subSolver"/>. The start is the greedy
/// repair of the empty selection (best cost per newly covered weight for a cover; nothing for maximal covering);
/// sub-answers that break the goal are repaired the same way and counted in <see cref="PlacementResult.Hybrid"/>,
/// which also says how much of the improvement came from accepted sub-answers. No bound is claimed. Two goals have
/// their own loop on decision-only sub-QUBOs (default encoding only): maximal covering by a site count
/// (<see cref="SiteHybridSearch"/>) and a plain cover of every row (<see cref="SetCoverHybridSearch"/>, column-only
/// sub-QUBOs, no repair).
/// </summary>
/// <param name="subSolver">The sampler each subproblem goes to.</param>
/// <param name="subSize">Largest sub-QUBO in variables (qubits), slack bits included.</param>
/// <param name="subproblems">Work budget in subproblems (reproducible for a seed); null runs until the time limit.</param>
/// <param name="subEncoding">How subproblems encode their residual constraints (default slack-free).</param>
public sealed class HybridPlacementSolver(ISampler subSolver, int subSize = HybridOptions.DefaultSubSize, int? subproblems = null, HybridEncoding subEncoding = HybridEncoding.SlackFree) : IPlacementSolver
{
    /// <summary>The solver's name.</summary>
    public const string SolverName = "qubo-hybrid";

    /// <inheritdoc />
    public string Name => SolverName;

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        GoalValidator.Check(instance, goal);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subSolver);
        var clock = new SearchClock(options.TimeProvider, options.TimeLimit, options.Stop);
        if (UsesSiteQubo(instance, goal))
        {
            return SolveOnSites(instance, goal, options, clock, cancellationToken);
        }

        if (subEncoding == HybridEncoding.SlackFree && RowsAreTheGoal(instance, goal))
        {
            return SolveOnColumns(instance, goal, options, clock, cancellationToken);
        }

        var qubo = PlacementQubo.Build(instance, goal);
        var model = HybridModel.FromConstrained(qubo.Qubo);
        var encoding = new Encoding(instance, model.Objective);
        var start = encoding.Encode(SelectionRepair.Repair(instance, goal, GreedyStart(instance, goal)).Sites);
        var hooks = new HybridHooks
        {
            Start = start,
            // a full cover with nothing else to respect is exactly the QUBO's row constraints, which the loop checks itself
            IsFeasible = RowsAreTheGoal(instance, goal) ? null : state => PlacementEvaluator.Evaluate(instance, goal, qubo.Decode(state.Span)).Feasible,
            Repair = state =>
            {
                var repaired = encoding.Encode(SelectionRepair.Repair(instance, goal, qubo.Decode(state)).Sites);
                var changed = !repaired.AsSpan().SequenceEqual(state);
                repaired.CopyTo(state, 0);
                return changed;
            },
        };
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.Stop);
        var recorder = new LargestModelSampler(subSolver);
        var result = new HybridSolver().Solve(model, new HybridOptions
        {
            SubSolver = recorder,
            SubSize = subSize,
            Subproblems = subproblems,
            Encoding = subEncoding,
            TimeLimit = clock.Remaining,
            Seed = options.Seed,
            Threads = options.Threads,
            TimeProvider = options.TimeProvider,
        }, hooks, either.Token);
        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, qubo.Decode(result.State));
        var repaired = false;
        if (!evaluation.Feasible)
        {
            repaired = true;
            evaluation = SelectionRepair.Repair(instance, goal, qubo.Decode(result.State));
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        return PlacementEvaluator.ToResult(Name, evaluation, bound: null, optimal: false, clock.Elapsed, repaired) with { Hybrid = result.Statistics, HardwareModel = recorder.Largest };
    }

    // set cover of every row, no budget, site limit or capacity, and every weighted row has a site that may be built:
    // the evaluator's feasibility is then the QUBO's row constraints
    private static bool RowsAreTheGoal(CoverageInstance instance, PlacementGoal goal)
    {
        if (goal.Kind != PlacementKind.SetCover || goal.CoverageTarget < 1.0 || goal.Budget is not null || goal.MaxSites is not null || instance.SiteCapacity is not null)
        {
            return false;
        }

        var coverable = new bool[instance.DemandCount];
        for (var j = 0; j < instance.SiteCount; j++)
        {
            if (instance.SiteFlags[j] != SiteFlag.Forbidden)
            {
                foreach (var i in instance.SiteCovers[j])
                {
                    coverable[i] = true;
                }
            }
        }

        for (var i = 0; i < instance.DemandCount; i++)
        {
            if (instance.DemandWeight[i] > 0 && !coverable[i])
            {
                return false;
            }
        }

        return true;
    }

    // maximal covering by a site count alone (no budget, no overlap penalty) has the site-only sub-QUBO; capacities
    // are evaluated on the answer as for every solver
    private bool UsesSiteQubo(CoverageInstance instance, PlacementGoal goal) =>
        subEncoding == HybridEncoding.SlackFree && goal.Kind == PlacementKind.MaximalCovering && goal.Budget is null
        && goal.OverlapPenalty == 0 && goal.MaxSites is not null && instance.SiteCapacity is null;

    private PlacementResult SolveOnSites(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, SearchClock clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.Stop);
        var recorder = new LargestModelSampler(subSolver);
        var start = SelectionRepair.Repair(instance, goal, GreedyStart(instance, goal)).Sites;
        var search = new SiteHybridSearch(instance, recorder, subSize, goal.MaxSites!.Value, options.Seed);
        var (best, statistics) = search.Run(start, subproblems, clock.Remaining, new HybridOptions
        {
            SubSolver = recorder,
            Seed = options.Seed,
            Threads = options.Threads,
            TimeProvider = options.TimeProvider,
        }, either.Token);
        cancellationToken.ThrowIfCancellationRequested();
        return Result(instance, goal, options, clock, best, statistics, recorder);
    }

    // a plain cover: column-only sub-QUBOs (SetCoverHybridSearch) from the greedy cover
    private PlacementResult SolveOnColumns(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, SearchClock clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.Stop);
        var recorder = new LargestModelSampler(subSolver);
        var start = SelectionRepair.Repair(instance, goal, GreedyStart(instance, goal)).Sites;
        var search = new SetCoverHybridSearch(instance, recorder, subSize, options.Seed);
        var (best, statistics) = search.Run(start, subproblems, clock.Remaining, new HybridOptions
        {
            RestartAfter = SetCoverHybridSearch.RestartAfter,
            SubSolver = recorder,
            Seed = options.Seed,
            Threads = options.Threads,
            TimeProvider = options.TimeProvider,
        }, either.Token);
        cancellationToken.ThrowIfCancellationRequested();
        return Result(instance, goal, options, clock, best, statistics, recorder);
    }

    // the problem-specific loops' answer, evaluated exactly like every solver's
    private PlacementResult Result(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, SearchClock clock, int[] best, HybridStatistics statistics, LargestModelSampler recorder)
    {
        var chosen = new bool[instance.SiteCount];
        foreach (var j in best)
        {
            chosen[j] = true;
        }

        var evaluation = PlacementEvaluator.Evaluate(instance, goal, chosen);
        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        return PlacementEvaluator.ToResult(Name, evaluation, bound: null, optimal: false, clock.Elapsed) with { Hybrid = statistics, HardwareModel = recorder.Largest };
    }

    // maximal covering: add the free site that gains most until the site count or budget is reached (set cover
    // starts empty: the repair then adds the best cost per newly covered weight)
    private static bool[] GreedyStart(CoverageInstance instance, PlacementGoal goal)
    {
        var state = new CoverageState(instance, CoverageIndex.Build(instance));
        for (var j = 0; j < instance.SiteCount; j++)
        {
            if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                state.Flip(j);
            }
        }

        if (goal.Kind == PlacementKind.MaximalCovering)
        {
            var maxSites = goal.MaxSites ?? int.MaxValue;
            var budget = goal.Budget ?? double.PositiveInfinity;
            while (state.ChosenCount < maxSites)
            {
                var best = -1;
                var bestDelta = 0.0;
                for (var j = 0; j < instance.SiteCount; j++)
                {
                    if (!state.IsChosen(j) && instance.SiteFlags[j] == SiteFlag.Free && state.Cost + instance.SiteCost[j] <= budget && state.Delta(j, goal.OverlapPenalty) > bestDelta)
                    {
                        best = j;
                        bestDelta = state.Delta(j, goal.OverlapPenalty);
                    }
                }

                if (best < 0)
                {
                    break;
                }

                state.Flip(best);
            }
        }

        return state.Chosen.ToArray();
    }

    // the decision variables by label (PlacementQubo names sites x{j} and coverage indicators y{i})
    private sealed class Encoding(CoverageInstance instance, BinaryQuadraticModel objective)
    {
        private readonly int[] _site = Lookup(objective, "x", instance.SiteCount);
        private readonly int[] _demand = Lookup(objective, "y", instance.DemandCount);

        public sbyte[] Encode(int[] sites)
        {
            var state = new sbyte[objective.VariableCount];
            var covered = new bool[instance.DemandCount];
            for (var j = 0; j < instance.SiteCount; j++)
            {
                if (instance.SiteFlags[j] == SiteFlag.Fixed)
                {
                    Cover(j, covered);
                }
            }

            foreach (var j in sites)
            {
                if (_site[j] >= 0)
                {
                    state[_site[j]] = 1;
                }

                Cover(j, covered);
            }

            // a coverage indicator is worth setting exactly when its point is covered
            for (var i = 0; i < covered.Length; i++)
            {
                if (covered[i] && _demand[i] >= 0)
                {
                    state[_demand[i]] = 1;
                }
            }

            return state;
        }

        private void Cover(int j, bool[] covered)
        {
            foreach (var i in instance.SiteCovers[j])
            {
                covered[i] = true;
            }
        }

        private static int[] Lookup(BinaryQuadraticModel objective, string prefix, int count)
        {
            var index = new int[count];
            for (var k = 0; k < count; k++)
            {
                index[k] = objective.IndexOf(string.Create(CultureInfo.InvariantCulture, $"{prefix}{k}"));
            }

            return index;
        }
    }
}
