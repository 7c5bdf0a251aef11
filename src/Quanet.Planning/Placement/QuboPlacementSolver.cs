using Quanet.Optimization.Exact;
using Quanet.Optimization.Qaoa;
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

        var qubo = PlacementQubo.Build(instance, goal);
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
        };

        // a QUBO small enough to enumerate is solved outright: annealing it for the whole time limit cannot do better
        var proven = qubo.VariableCount <= ExhaustiveSolver.MaxVariables && sampler is not QaoaSampler;
        var samples = proven
            ? new ExhaustiveSolver().Sample(qubo.Qubo.Model, samplerOptions, cancellationToken)
            : sampler.Sample(qubo.Qubo.Model, samplerOptions, cancellationToken);
        proven &= !samples.Statistics.TimedOut;
        var selection = qubo.Decode(samples.Best.State);
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        var repaired = false;
        if (!evaluation.Feasible)
        {
            repaired = true;
            evaluation = SelectionRepair.Repair(instance, goal, selection);
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        // the QUBO's minimum decodes to an optimal selection when the penalties are exact (PlacementQubo), so an
        // enumerated, feasible, unrepaired answer is proven
        var optimal = proven && evaluation.Feasible && !repaired;
        return PlacementEvaluator.ToResult(Name, evaluation, bound: optimal ? evaluation.Objective : null, optimal, clock.Elapsed, repaired);
    }
}
