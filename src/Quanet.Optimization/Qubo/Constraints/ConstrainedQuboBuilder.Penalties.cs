using Quanet.Core;

namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>The penalty terms of one constraint: pairwise, squared equality, slack-encoded or unbalanced inequality.</summary>
public sealed partial class ConstrainedQuboBuilder
{
    // unbalanced: null for slack bits, else the multipliers of the unbalanced penalty
    private static void AddPenalty(BqmBuilder full, Pending pending, double p, UnbalancedPenalty? unbalanced)
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

            if (unbalanced is { } lambdas)
            {
                AddUnbalanced(full, vars, coefs, rhs, p, lambdas);
                return;
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

        AddSquared(full, vars, coefs, rhs, p);
    }

    // p (sum a_i x_i - b)^2 with x_i^2 = x_i
    private static void AddSquared(BqmBuilder full, List<int> vars, List<double> coefs, double rhs, double p)
    {
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

    // a·x <= b as h = b - a·x >= 0 penalised by p (-λ1 h + λ2 h²): -λ1 h adds λ1 a_i x_i - λ1 b, λ2 h² is the square above
    private static void AddUnbalanced(BqmBuilder full, List<int> vars, List<double> coefs, double rhs, double p, UnbalancedPenalty lambdas)
    {
        for (var a = 0; a < vars.Count; a++)
        {
            full.AddLinear(vars[a], p * lambdas.Lambda1 * coefs[a]);
        }

        full.AddOffset(-p * lambdas.Lambda1 * rhs);
        AddSquared(full, vars, coefs, rhs, p * lambdas.Lambda2);
    }
}
