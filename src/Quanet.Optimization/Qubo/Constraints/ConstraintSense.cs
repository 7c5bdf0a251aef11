namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>The relation of a linear constraint's left side to its right side.</summary>
public enum ConstraintSense
{
    /// <summary>lhs == rhs.</summary>
    Equal,

    /// <summary>lhs &lt;= rhs.</summary>
    LessOrEqual,

    /// <summary>lhs &gt;= rhs.</summary>
    GreaterOrEqual,
}
