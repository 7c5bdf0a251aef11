namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>A constraint that a state breaks, with its left side and by how much.</summary>
/// <param name="Constraint">The broken constraint.</param>
/// <param name="LeftSide">The left side's value in the state.</param>
/// <param name="Amount">Distance to feasibility (positive).</param>
public readonly record struct ConstraintViolation(LinearConstraint Constraint, double LeftSide, double Amount)
{
    /// <inheritdoc />
    public override string ToString() => $"constraint '{Constraint.Name}' violated: left side {LeftSide}, {Constraint.Sense} {Constraint.Rhs} (off by {Amount})";
}
