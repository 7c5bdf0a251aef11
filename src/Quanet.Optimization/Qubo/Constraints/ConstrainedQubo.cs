namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>
/// A QUBO whose constraints were folded in as penalties: the full <see cref="Model"/> (decision variables first,
/// then slack bits), the objective alone, the constraints, and a feasibility check for returned samples.
/// </summary>
public sealed class ConstrainedQubo
{
    internal ConstrainedQubo(BinaryQuadraticModel model, BinaryQuadraticModel objective, IReadOnlyList<LinearConstraint> constraints, double penaltyWeight, IReadOnlyList<ConstraintPenalty>? penalties = null)
    {
        Model = model;
        Penalties = penalties ?? [];
        Objective = objective;
        Constraints = constraints;
        PenaltyWeight = penaltyWeight;
    }

    /// <summary>The penalised model to sample: objective plus weighted penalties, binary variables.</summary>
    public BinaryQuadraticModel Model { get; }

    /// <summary>The objective over the decision variables only.</summary>
    public BinaryQuadraticModel Objective { get; }

    /// <summary>The constraints, over decision-variable indices.</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; }

    /// <summary>How each constraint (same order as <see cref="Constraints"/>) was folded in: its weight and whether it is a pairwise at-most-one; empty when unknown.</summary>
    internal IReadOnlyList<ConstraintPenalty> Penalties { get; }

    /// <summary>How the inequalities were encoded. <value>Default <see cref="QuboFormulation.Slack"/>.</value></summary>
    public QuboFormulation Formulation { get; init; } = QuboFormulation.Slack;

    /// <summary>Number of couplers (non-zero quadratic terms) of <see cref="Model"/>.</summary>
    public int CouplerCount => Model.InteractionCount;

    /// <summary>Couplers over the n(n − 1)/2 pairs of <see cref="Model"/>'s n variables (0 for fewer than two).</summary>
    public double Density => FormulationReport.DensityOf(Model);

    /// <summary>Whether the decision part of <paramref name="state"/> meets every constraint.</summary>
    public bool IsFeasible(ReadOnlySpan<sbyte> state) => Check(state).Count == 0;

    /// <summary>The penalty weight used.</summary>
    public double PenaltyWeight { get; }

    /// <summary>Number of decision variables (indices 0..n-1 of <see cref="Model"/>).</summary>
    public int DecisionVariableCount => Objective.VariableCount;

    /// <summary>Number of slack bits added for inequalities.</summary>
    public int SlackVariableCount => Model.VariableCount - Objective.VariableCount;

    /// <summary>
    /// The constraints that <paramref name="state"/> breaks (state of <see cref="Model"/> or of the decision
    /// variables only, binary 0/1); empty when feasible.
    /// </summary>
    public IReadOnlyList<ConstraintViolation> Check(ReadOnlySpan<sbyte> state)
    {
        if (state.Length < DecisionVariableCount)
        {
            throw new ArgumentException($"state has {state.Length} values, fewer than the {DecisionVariableCount} decision variables", nameof(state));
        }

        var violations = new List<ConstraintViolation>();
        foreach (var constraint in Constraints)
        {
            var amount = constraint.Violation(state);
            if (amount > 0)
            {
                violations.Add(new ConstraintViolation(constraint, constraint.LeftSide(state), amount));
            }
        }

        return violations;
    }

    /// <summary>The objective value of the decision part of <paramref name="state"/>.</summary>
    public double ObjectiveValue(ReadOnlySpan<sbyte> state) => Objective.Energy(state[..DecisionVariableCount]);
}
