using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Hybrid;

/// <summary>Settings of one <see cref="HybridSolver"/> run; validated by <see cref="HybridSolver.Solve"/>.</summary>
public sealed record HybridOptions
{
    /// <summary>The default <see cref="SubSize"/> in sub-QUBO variables (decisions plus slack bits); on scp51 and scp61 tabu at 64 was as good as or better than every other sub-solver and size tried (bench/README.md).</summary>
    public const int DefaultSubSize = 64;

    /// <summary>The sub-solver every subproblem goes to (any <see cref="ISampler"/>).</summary>
    public required ISampler SubSolver { get; init; }

    /// <summary>Largest sub-QUBO, in variables (qubits), including the slack bits of its residual constraints. <value>Default 64.</value></summary>
    public int SubSize { get; init; } = DefaultSubSize;

    /// <summary>How subproblems encode their residual inequalities. <value>Default <see cref="HybridEncoding.SlackFree"/>.</value></summary>
    public HybridEncoding Encoding { get; init; } = HybridEncoding.SlackFree;

    /// <summary>
    /// Late acceptance (Burke and Bykov 2017): a feasible sub-answer is also accepted when its energy is no worse than
    /// the incumbent's this many rounds ago (0: only answers that do not make the incumbent worse). The best state is
    /// kept apart. <value>Default 100.</value>
    /// </summary>
    public int AcceptanceHistory { get; init; } = 100;

    /// <summary>
    /// Rounds without a new best state after which the walk returns to the best state and late acceptance forgets its
    /// history (null: never). On scp51, scp58, scp61 and scp65 at 12,000 subproblems 2,000 did best of none, 500, 1,000
    /// and 2,000 (bench/README.md). <value>Default 2,000.</value>
    /// </summary>
    public int? RestartAfter { get; init; } = DefaultRestartAfter;

    /// <summary>The default <see cref="RestartAfter"/>.</summary>
    public const int DefaultRestartAfter = 2000;

    /// <summary>Work budget in subproblems; null runs until <see cref="TimeLimit"/>. Results are reproducible for a seed when the budget, not the clock, ends the run. <value>Default null.</value></summary>
    public int? Subproblems { get; init; }

    /// <summary>Wall-clock limit, checked between subproblems (cuts the run; the incumbent so far is returned). <value>Default null: none.</value></summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the subproblem selection and of every sub-solver call. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Reads per sub-solver call. <value>Default 1.</value></summary>
    public int SubReads { get; init; } = 1;

    /// <summary>Threads each sub-solver call may use (its results do not depend on it); 0 means all cores. <value>Default 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>The clock of <see cref="TimeLimit"/>. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
