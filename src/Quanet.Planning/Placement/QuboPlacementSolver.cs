using Quanet.Optimization.Exact;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// The quantum path (<c>qubo</c>, <c>qaoa</c>): builds <see cref="PlacementQubo"/>, samples it, decodes the
/// lowest-energy sample and evaluates it as is. A sample that breaks the goal (too many sites, over budget,
/// target missed) is repaired greedily (drop the sites that lose least until the limits hold, or add the best
/// cost-per-coverage sites until the target is met) and the result says so with <see cref="PlacementResult.Repaired"/>.
/// No bound is claimed, except that a QUBO of at most <see cref="ExhaustiveSolver.MaxVariables"/> variables is
/// enumerated instead of sampled (annealing it for the whole time limit could not do better): a feasible, unrepaired
/// minimum is then proven optimal and the run stops at once.
/// </summary>
/// <param name="sampler">The QUBO sampler; null reports the solver as unavailable in this build.</param>
/// <param name="name">The solver's name (<c>qubo</c>, <c>qaoa</c>).</param>
/// <param name="maxVariables">Largest QUBO (in variables, i.e. qubits) the sampler takes; a larger one is reported by <see cref="SolverUnavailableException"/>.</param>
public sealed class QuboPlacementSolver(ISampler? sampler, string name, int maxVariables = int.MaxValue) : IPlacementSolver
{
    /// <summary>Largest QUBO simulated for QAOA (statevector memory grows as 2^n).</summary>
    public const int QaoaMaxQubits = 20;

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    /// <exception cref="SolverUnavailableException">No sampler, or the instance's QUBO exceeds the variable limit.</exception>
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        GoalValidator.Check(instance, goal);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SearchClock(options.TimeProvider, options.TimeLimit, options.Stop);
        if (sampler is null)
        {
            throw new SolverUnavailableException($"solver '{name}' is not available in this build (no {name} sampler)");
        }

        var qubo = PlacementQubo.Build(instance, goal, options.QuboFormulation);
        if (qubo.VariableCount > maxVariables)
        {
            throw new SolverUnavailableException($"solver '{name}' handles at most {maxVariables} qubits; this instance's QUBO has {qubo.VariableCount}");
        }

        var samplerOptions = new SamplerOptions
        {
            Seed = options.Seed,
            TimeLimit = clock.Remaining,
            Reads = options.Threads > 0 ? options.Threads : 0,
            MaxDegreeOfParallelism = options.Threads,
            TimeProvider = options.TimeProvider,
        };

        // a QUBO small enough to enumerate is solved outright (at most 2^24 flips, under a second): annealing it for
        // the whole time limit cannot do better
        var proven = qubo.VariableCount <= ExhaustiveSolver.MaxVariables && sampler is not QaoaSampler;
        bool[] selection;
        if (proven)
        {
            var enumerated = new ExhaustiveSolver().Sample(qubo.Qubo.Model, samplerOptions, cancellationToken);
            proven = !enumerated.Statistics.TimedOut;
            selection = qubo.Decode(enumerated.Best.State);
        }
        else
        {
            selection = Sample(qubo, samplerOptions, options.Stop, cancellationToken);
        }

        var evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        var repaired = false;
        if (!evaluation.Feasible)
        {
            repaired = true;
            evaluation = SelectionRepair.Repair(instance, goal, selection);
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        // the QUBO's minimum decodes to an optimal selection when the penalties are exact (PlacementQubo with slack
        // bits or equalities), so an enumerated, feasible, unrepaired answer is proven; an unbalanced minimum is not
        var optimal = proven && evaluation.Feasible && !repaired && qubo.Formulation != QuboFormulation.Unbalanced;
        return PlacementEvaluator.ToResult(Name, evaluation, bound: optimal ? evaluation.Objective : null, optimal, clock.Elapsed, repaired);
    }

    // options.Stop ends the sampling as its time limit would: the samplers then return the best states found so far
    // (marked interrupted); one stopped before it found any (QAOA) leaves nothing selected, which the repair completes
    private bool[] Sample(PlacementQubo qubo, SamplerOptions samplerOptions, CancellationToken stop, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        try
        {
            return qubo.Decode(sampler!.Sample(qubo.Qubo.Model, samplerOptions, either.Token).Best.State);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return qubo.Decode(new sbyte[qubo.VariableCount]);
        }
    }
}
