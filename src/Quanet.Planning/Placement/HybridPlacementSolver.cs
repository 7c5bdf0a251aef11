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
/// which also says how much of the improvement came from accepted sub-answers. No bound is claimed.
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
        var qubo = PlacementQubo.Build(instance, goal);
        var model = HybridModel.FromConstrained(qubo.Qubo);
        var encoding = new Encoding(instance, model.Objective);
        var start = encoding.Encode(SelectionRepair.Repair(instance, goal, GreedyStart(instance, goal)).Sites);
        var hooks = new HybridHooks
        {
            Start = start,
            IsFeasible = state => PlacementEvaluator.Evaluate(instance, goal, qubo.Decode(state.Span)).Feasible,
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
