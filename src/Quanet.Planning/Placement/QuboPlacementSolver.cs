using Quanet.Optimization.Sampling;

namespace Quanet.Planning.Placement;

/// <summary>
/// The quantum path (<c>qubo</c>, <c>qaoa</c>): builds <see cref="PlacementQubo"/>, samples it, decodes the
/// lowest-energy sample and evaluates it as is. A sample that breaks the goal (too many sites, over budget,
/// target missed) is repaired greedily (drop the sites that lose least until the limits hold, or add the best
/// cost-per-coverage sites until the target is met) and the result says so with <see cref="PlacementResult.Repaired"/>.
/// No bound is claimed.
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

        var samples = sampler.Sample(qubo.Qubo.Model, new SamplerOptions
        {
            Seed = options.Seed,
            TimeLimit = clock.Remaining,
            Reads = options.Threads > 0 ? options.Threads : 0,
            MaxDegreeOfParallelism = options.Threads,
        }, cancellationToken);
        var selection = qubo.Decode(samples.Best.State);
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        var repaired = false;
        if (!evaluation.Feasible)
        {
            repaired = true;
            evaluation = SelectionRepair.Repair(instance, goal, selection);
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        return PlacementEvaluator.ToResult(Name, evaluation, bound: null, optimal: false, clock.Elapsed, repaired);
    }
}
