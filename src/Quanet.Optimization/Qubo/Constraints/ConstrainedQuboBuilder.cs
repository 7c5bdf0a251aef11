using Quanet.Core;
namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>
/// Builds a QUBO from an objective over binary decision variables plus linear constraints, which
/// <see cref="Build(double?, PenaltyStrategy)"/> turns into quadratic penalties: equalities as P (lhs - rhs)², inequalities with
/// log-encoded slack bits (1, 2, 4, ..., and a last bit that makes the slack range exact), at-most-one as
/// pairwise penalties without slack. Inequality coefficients must be integers (scale the constraint otherwise).
/// <see cref="Build(QuboFormulation, double?, PenaltyStrategy, UnbalancedPenalty?)"/> encodes the inequalities by
/// unbalanced penalization instead, without slack bits.
/// </summary>
public sealed partial class ConstrainedQuboBuilder
{
    private const double IntegerTolerance = 1e-9;
    private readonly List<Pending> _constraints = [];

    /// <summary>The objective's builder (binary variables); add decision variables and objective terms here.</summary>
    public BqmBuilder Objective { get; } = new(Vartype.Binary);

    /// <summary>Adds sum coefficients·x == rhs.</summary>
    public LinearConstraint AddEquality(string name, ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, double rhs, double weight = 1.0) =>
        Add(name, variables, coefficients, ConstraintSense.Equal, rhs, weight, pairwise: false);

    /// <summary>Adds sum coefficients·x &lt;= rhs (slack bits added at build).</summary>
    public LinearConstraint AddLessOrEqual(string name, ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, double rhs, double weight = 1.0) =>
        Add(name, variables, coefficients, ConstraintSense.LessOrEqual, rhs, weight, pairwise: false);

    /// <summary>Adds sum coefficients·x &gt;= rhs (slack bits added at build).</summary>
    public LinearConstraint AddGreaterOrEqual(string name, ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, double rhs, double weight = 1.0) =>
        Add(name, variables, coefficients, ConstraintSense.GreaterOrEqual, rhs, weight, pairwise: false);

    /// <summary>Exactly one of <paramref name="variables"/> is 1.</summary>
    public LinearConstraint AddOneHot(string name, ReadOnlySpan<int> variables, double weight = 1.0) =>
        AddCardinality(name, variables, 1, weight);

    /// <summary>Exactly <paramref name="k"/> of <paramref name="variables"/> are 1.</summary>
    public LinearConstraint AddCardinality(string name, ReadOnlySpan<int> variables, int k, double weight = 1.0) =>
        Add(name, variables, Ones(variables.Length), ConstraintSense.Equal, k, weight, pairwise: false);

    /// <summary>At most <paramref name="k"/> of <paramref name="variables"/> are 1 (pairwise penalty without slack when k is 1).</summary>
    public LinearConstraint AddAtMostK(string name, ReadOnlySpan<int> variables, int k, double weight = 1.0) =>
        Add(name, variables, Ones(variables.Length), ConstraintSense.LessOrEqual, k, weight, pairwise: k == 1);

    /// <summary>At least <paramref name="k"/> of <paramref name="variables"/> are 1.</summary>
    public LinearConstraint AddAtLeastK(string name, ReadOnlySpan<int> variables, int k, double weight = 1.0) =>
        Add(name, variables, Ones(variables.Length), ConstraintSense.GreaterOrEqual, k, weight, pairwise: false);

    /// <summary>
    /// Folds the constraints into the objective with penalty weight <paramref name="penaltyWeight"/>
    /// (each constraint's own weight multiplies it), or with <see cref="PenaltyWeights.Suggest"/> when null;
    /// inequalities with slack bits.
    /// </summary>
    /// <exception cref="QuanetException">A constraint can never be satisfied.</exception>
    public ConstrainedQubo Build(double? penaltyWeight = null, PenaltyStrategy strategy = PenaltyStrategy.Local) =>
        Build(QuboFormulation.Slack, penaltyWeight, strategy);

    /// <summary>
    /// Folds the constraints into the objective as <see cref="Build(double?, PenaltyStrategy)"/> does, encoding the
    /// inequalities (other than pairwise at-most-one) as <paramref name="formulation"/> says: slack bits
    /// (<see cref="QuboFormulation.Slack"/> and <see cref="QuboFormulation.Equality"/>, for which the caller already
    /// posed the tight constraints as equalities) or unbalanced penalties with <paramref name="unbalanced"/>
    /// (default <see cref="UnbalancedPenalty.Default"/>).
    /// </summary>
    /// <exception cref="QuanetException">A constraint can never be satisfied.</exception>
    public ConstrainedQubo Build(QuboFormulation formulation, double? penaltyWeight = null, PenaltyStrategy strategy = PenaltyStrategy.Local, UnbalancedPenalty? unbalanced = null)
    {
        var lambdas = unbalanced ?? UnbalancedPenalty.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(lambdas.Lambda1, nameof(unbalanced));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambdas.Lambda2, nameof(unbalanced));
        var objective = Objective.Build();
        var p = penaltyWeight ?? PenaltyWeights.Suggest(objective, strategy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p, nameof(penaltyWeight));
        var full = new BqmBuilder(Vartype.Binary);
        for (var i = 0; i < objective.VariableCount; i++)
        {
            full.AddVariable(objective.Labels[i]);
            full.AddLinear(i, objective.Linear[i]);
        }

        foreach (var (i, j, w) in objective.Interactions())
        {
            full.AddQuadratic(i, j, w);
        }

        full.AddOffset(objective.Offset);
        var constraints = new List<LinearConstraint>(_constraints.Count);
        var penalties = new List<ConstraintPenalty>(_constraints.Count);
        foreach (var pending in _constraints)
        {
            constraints.Add(pending.Constraint);
            penalties.Add(new ConstraintPenalty(p * pending.Weight, pending.Pairwise));
            AddPenalty(full, pending, p * pending.Weight, formulation == QuboFormulation.Unbalanced ? lambdas : null);
        }

        return new ConstrainedQubo(full.Build(), objective, constraints, p, penalties) { Formulation = formulation };
    }

    private LinearConstraint Add(string name, ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, ConstraintSense sense, double rhs, double weight, bool pairwise)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (variables.Length != coefficients.Length)
        {
            throw new ArgumentException($"constraint '{name}': {variables.Length} variables but {coefficients.Length} coefficients");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        foreach (var v in variables)
        {
            if ((uint)v >= (uint)Objective.VariableCount)
            {
                throw new ArgumentOutOfRangeException(nameof(variables), v, $"constraint '{name}': variable index must be in [0, {Objective.VariableCount})");
            }
        }

        if (sense != ConstraintSense.Equal || pairwise)
        {
            foreach (var c in coefficients)
            {
                RequireInteger(name, c);
            }

            RequireInteger(name, rhs);
        }

        var constraint = new LinearConstraint(name, variables.ToArray(), coefficients.ToArray(), sense, rhs);
        _constraints.Add(new Pending(constraint, weight, pairwise));
        return constraint;
    }

    private static void RequireInteger(string name, double value)
    {
        if (Math.Abs(value - Math.Round(value)) > IntegerTolerance)
        {
            throw new ArgumentException($"constraint '{name}': slack encoding needs integer coefficients and bound, found {value}; scale the constraint");
        }
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private sealed record Pending(LinearConstraint Constraint, double Weight, bool Pairwise);
}
