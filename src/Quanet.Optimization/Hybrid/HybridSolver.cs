namespace Quanet.Optimization.Hybrid;

/// <summary>
/// Hybrid decomposition in the spirit of qbsolv (Booth, Reinhardt and Roy 2017, "Partitioning optimization problems
/// for hybrid classical/quantum execution") and D-Wave's hybrid workflows: a classical outer loop keeps a feasible
/// incumbent; each round selects at most <see cref="HybridOptions.SubSize"/> sub-QUBO variables, alternately by
/// energy impact (qbsolv's ordering: variables sorted by how much flipping one alone would change the energy, taken
/// in windows that move through the order) and by neighbourhood (a random set variable and the variables around it);
/// clamps the rest exactly (<see cref="HybridModel.BuildSubproblem(ReadOnlySpan{sbyte}, ReadOnlySpan{int}, HybridEncoding)"/>); sends the sub-QUBO to the sub-solver; and
/// accepts the answer when the full energy does not get worse and the state stays feasible (an infeasible answer is
/// repaired by the problem's hook first, and counted). Deterministic for a seed: selection and every sub-solver call
/// are seeded from <see cref="HybridOptions.Seed"/>, and the sub-solver's own results do not depend on threads; the
/// time limit is only checked between subproblems.
/// </summary>
public sealed partial class HybridSolver
{
    private const double Tolerance = 1e-7;

    /// <summary>Runs the loop on <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">A start of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Sub-size below 1, negative budget or reads.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public HybridResult Solve(HybridModel model, HybridOptions options, HybridHooks? hooks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.SubSolver);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SubSize, 1, nameof(options.SubSize));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Subproblems ?? 0, nameof(options.Subproblems));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SubReads, 1, nameof(options.SubReads));
        ArgumentOutOfRangeException.ThrowIfNegative(options.AcceptanceHistory, nameof(options.AcceptanceHistory));
        hooks ??= new HybridHooks();
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var n = model.VariableCount;
        var start = hooks.Start ?? new sbyte[n];
        if (start.Length != n)
        {
            throw new ArgumentException($"the start has {start.Length} values, the model {n} variables", nameof(hooks));
        }

        var x = (sbyte[])start.Clone();
        var startEnergy = model.Energy(x);
        var feasible = Feasible(model, hooks, x);
        if (!feasible && hooks.Repair is { } repair)
        {
            repair(x);
            feasible = Feasible(model, hooks, x);
        }

        var state = model.NewState(x);
        var run = new Run(model, options, hooks, state, feasible);
        var stats = run.Loop(started, cancellationToken);
        return new HybridResult(run.Best, model.Energy(run.Best), run.BestFeasible, stats with
        {
            StartEnergy = startEnergy,
            StartRepairGain = startEnergy - model.Energy(x),
        });
    }

    internal static bool Feasible(HybridModel model, HybridHooks hooks, sbyte[] x) =>
        model.IsFeasible(x) && (hooks.IsFeasible is not { } check || check(x));
}
