namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>A linear constraint sum_k coefficient_k x_{variable_k} (sense) rhs over binary decision variables.</summary>
public sealed class LinearConstraint
{
    internal LinearConstraint(string name, int[] variables, double[] coefficients, ConstraintSense sense, double rhs)
    {
        Name = name;
        Variables = variables;
        Coefficients = coefficients;
        Sense = sense;
        Rhs = rhs;
    }

    /// <summary>The constraint's name, used in violation reports.</summary>
    public string Name { get; }

    /// <summary>Indices of the decision variables.</summary>
    public IReadOnlyList<int> Variables { get; }

    /// <summary>Coefficients, parallel to <see cref="Variables"/>.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The relation.</summary>
    public ConstraintSense Sense { get; }

    /// <summary>The right-hand side.</summary>
    public double Rhs { get; }

    /// <summary>The left-hand side for a binary state.</summary>
    public double LeftSide(ReadOnlySpan<sbyte> state)
    {
        var lhs = 0.0;
        for (var k = 0; k < Variables.Count; k++)
        {
            lhs += Coefficients[k] * state[Variables[k]];
        }

        return lhs;
    }

    /// <summary>How far <paramref name="state"/> is from satisfying the constraint (0 when satisfied).</summary>
    public double Violation(ReadOnlySpan<sbyte> state, double tolerance = 1e-9)
    {
        var lhs = LeftSide(state);
        var amount = Sense switch
        {
            ConstraintSense.Equal => Math.Abs(lhs - Rhs),
            ConstraintSense.LessOrEqual => Math.Max(0, lhs - Rhs),
            _ => Math.Max(0, Rhs - lhs),
        };
        return amount <= tolerance ? 0 : amount;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var op = Sense switch { ConstraintSense.Equal => "==", ConstraintSense.LessOrEqual => "<=", _ => ">=" };
        return $"{Name}: {Variables.Count} terms {op} {Rhs}";
    }
}
