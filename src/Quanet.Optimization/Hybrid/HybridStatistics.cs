namespace Quanet.Optimization.Hybrid;

/// <summary>Where a <see cref="HybridSolver"/> run spent its work and where its improvement came from (energies of <see cref="HybridModel.Energy"/>).</summary>
public sealed record HybridStatistics
{
    /// <summary>Subproblems sent to the sub-solver.</summary>
    public int Subproblems { get; init; }

    /// <summary>Sub-answers that changed the incumbent (energy not worse, feasible as returned).</summary>
    public int Accepted { get; init; }

    /// <summary>Accepted sub-answers that lowered the energy.</summary>
    public int Improving { get; init; }

    /// <summary>Accepted sub-answers that raised the energy (late acceptance, <see cref="HybridOptions.AcceptanceHistory"/>).</summary>
    public int Worsening { get; init; }

    /// <summary>Energy decrease, from the start (after its repair) to the returned best, made by sub-answers accepted as the sub-solver returned them (worsening ones included).</summary>
    public double SubproblemGain { get; init; }

    /// <summary>Sub-answers that were infeasible and went through the classical repair.</summary>
    public int Repairs { get; init; }

    /// <summary>Repaired sub-answers that were accepted.</summary>
    public int RepairedAccepted { get; init; }

    /// <summary>Energy decrease, from the start to the returned best, made by accepted repaired sub-answers (credited to classical moves).</summary>
    public double RepairGain { get; init; }

    /// <summary>Energy of the start as given (before any repair).</summary>
    public double StartEnergy { get; init; }

    /// <summary>Energy decrease (or increase, when negative) from repairing the start.</summary>
    public double StartRepairGain { get; init; }

    /// <summary>Average sub-QUBO size sent (variables, slack bits included).</summary>
    public double MeanSubSize { get; init; }

    /// <summary>Average decision variables per subproblem.</summary>
    public double MeanSubDecisions { get; init; }

    /// <summary>Seconds spent inside the sub-solver.</summary>
    public double SubSolverSeconds { get; init; }

    /// <summary>Seconds spent selecting and building subproblems (clamping).</summary>
    public double BuildSeconds { get; init; }

    /// <summary>Per subproblem selector: subproblems built, improving sub-answers, their gain (which selector found the improvements).</summary>
    public IReadOnlyList<HybridSelectorStatistics> Selectors { get; init; } = [];

    /// <summary>How the subproblems encoded their residual inequalities.</summary>
    public HybridEncoding Encoding { get; init; }

    /// <summary>Whether the time limit or a cancellation ended the run before the work budget.</summary>
    public bool TimedOut { get; init; }
}
