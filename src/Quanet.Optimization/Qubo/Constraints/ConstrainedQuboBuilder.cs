using Quanet.Core;
namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>
/// Builds a QUBO from an objective over binary decision variables plus linear constraints, which
/// <see cref="Build"/> turns into quadratic penalties: equalities as P (lhs - rhs)², inequalities with
/// log-encoded slack bits (1, 2, 4, ..., and a last bit that makes the slack range exact), at-most-one as
/// pairwise penalties without slack. Inequality coefficients must be integers (scale the constraint otherwise).
/// </summary>
public sealed class ConstrainedQuboBuilder
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
    /// (each constraint's own weight multiplies it), or with <see cref="PenaltyWeights.Suggest"/> when null.
    /// </summary>
    /// <exception cref="QuanetException">A constraint can never be satisfied.</exception>
    public ConstrainedQubo Build(double? penaltyWeight = null, PenaltyStrategy strategy = PenaltyStrategy.Local)
    {
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
            AddPenalty(full, pending, p * pending.Weight);
        }

        return new ConstrainedQubo(full.Build(), objective, constraints, p, penalties);
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

    private static void AddPenalty(BqmBuilder full, Pending pending, double p)
    {
        var c = pending.Constraint;
        var vars = new List<int>(c.Variables);
        var coefs = new List<double>(c.Coefficients);
        var rhs = c.Rhs;
        if (pending.Pairwise)
        {
            // at most one: P sum_{i<j} x_i x_j is 0 exactly when at most one is set
            for (var a = 0; a < vars.Count; a++)
            {
                for (var b = a + 1; b < vars.Count; b++)
                {
                    full.AddQuadratic(vars[a], vars[b], p);
                }
            }

            return;
        }

        if (c.Sense == ConstraintSense.GreaterOrEqual)
        {
            // a·x >= b  <=>  -a·x <= -b
            for (var k = 0; k < coefs.Count; k++)
            {
                coefs[k] = -coefs[k];
            }

            rhs = -rhs;
        }

        if (c.Sense != ConstraintSense.Equal)
        {
            var min = 0.0;
            var max = 0.0;
            foreach (var a in coefs)
            {
                min += Math.Min(a, 0);
                max += Math.Max(a, 0);
            }

            if (min > rhs + IntegerTolerance)
            {
                throw new QuanetException($"constraint '{c.Name}' can never be satisfied: its smallest left side exceeds the bound");
            }

            if (max <= rhs + IntegerTolerance)
            {
                return; // always satisfied: no penalty, no slack
            }

            var range = (long)Math.Round(rhs - min);
            var bit = 0;
            for (long covered = 0, step = 1; covered < range; bit++)
            {
                var value = Math.Min(step, range - covered);
                var s = full.AddVariable($"slack:{c.Name}:{bit}");
                vars.Add(s);
                coefs.Add(value);
                covered += value;
                step *= 2;
            }
        }

        // P (sum a_i x_i - b)^2 with x_i^2 = x_i
        for (var a = 0; a < vars.Count; a++)
        {
            full.AddLinear(vars[a], p * ((coefs[a] * coefs[a]) - (2 * rhs * coefs[a])));
            for (var b = a + 1; b < vars.Count; b++)
            {
                full.AddQuadratic(vars[a], vars[b], 2 * p * coefs[a] * coefs[b]);
            }
        }

        full.AddOffset(p * rhs * rhs);
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
