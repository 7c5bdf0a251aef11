using System.Globalization;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Hybrid;

/// <summary>The clamping facet: the sub-QUBO of a set of free variables with the others at their current values.</summary>
public sealed partial class HybridModel
{
    /// <summary>
    /// The subproblem of <paramref name="variables"/> (distinct decision indices) with every other decision clamped to
    /// <paramref name="state"/>: the clamped couplings fold into the free variables' linear biases and the clamped
    /// terms into the offset, exactly; each constraint that touches a free variable becomes a residual constraint over
    /// the free ones (right side minus the clamped part), re-encoded with the slack bits its residual range needs (none
    /// when it always holds, a squared equality when it can never hold, pairwise as before); untouched constraints are
    /// constants.
    /// </summary>
    /// <exception cref="ArgumentException">A variable index is out of range or repeated, or the state has the wrong length.</exception>
    public Subproblem BuildSubproblem(ReadOnlySpan<sbyte> state, ReadOnlySpan<int> variables) =>
        Clamp(NewState(state), variables, HybridEncoding.Slack);

    /// <summary>
    /// The subproblem of <paramref name="variables"/> as <see cref="BuildSubproblem(ReadOnlySpan{sbyte}, ReadOnlySpan{int})"/>
    /// builds it, its residual inequalities encoded as <paramref name="encoding"/> says: sub-energy + offset equals the
    /// full energy on every sub-state for <see cref="HybridEncoding.Slack"/>, and on every sub-state whose residual
    /// inequalities hold with h ≤ 1 for the slack-free encodings (more otherwise, never less).
    /// </summary>
    /// <exception cref="ArgumentException">A variable index is out of range or repeated, or the state has the wrong length.</exception>
    public Subproblem BuildSubproblem(ReadOnlySpan<sbyte> state, ReadOnlySpan<int> variables, HybridEncoding encoding) =>
        Clamp(NewState(state), variables, encoding);

    internal Subproblem Clamp(HybridState state, ReadOnlySpan<int> variables, HybridEncoding encoding, SubQuboScratch? scratch = null)
    {
        scratch ??= new SubQuboScratch(VariableCount, ConstraintCount);
        var position = scratch.Position;
        try
        {
            return Clamp(state, variables, encoding, scratch, position);
        }
        finally
        {
            foreach (var v in variables)
            {
                if ((uint)v < (uint)VariableCount)
                {
                    position[v] = -1;
                }
            }
        }
    }

    private Subproblem Clamp(HybridState state, ReadOnlySpan<int> variables, HybridEncoding encoding, SubQuboScratch scratch, int[] position)
    {
        var labels = new string[variables.Length];
        for (var a = 0; a < variables.Length; a++)
        {
            var v = variables[a];
            if ((uint)v >= (uint)VariableCount || position[v] >= 0)
            {
                throw new ArgumentException($"subproblem variable {v} is out of range or repeated", nameof(variables));
            }

            position[v] = a;
            labels[a] = Objective.Labels[v];
        }

        var x = state.X;
        scratch.Begin(labels);
        var offset = state.ObjectiveEnergy;
        for (var a = 0; a < variables.Length; a++)
        {
            var v = variables[a];
            // the field from the clamped variables only
            var field = state.Field[v];
            for (var e = _rowStart[v]; e < _rowStart[v + 1]; e++)
            {
                var u = _neighbors[e];
                var b = position[u];
                if (b >= 0)
                {
                    field -= _weights[e] * x[u];
                    if (b > a)
                    {
                        scratch.AddQuadratic(a, b, _weights[e]);
                        offset -= _weights[e] * x[v] * x[u];
                    }
                }
            }

            scratch.AddLinear(a, field);
            offset -= field * x[v];
        }

        var touched = scratch.Touched;
        touched.Clear();
        var stamp = ++scratch.Stamp;
        foreach (var v in variables)
        {
            for (var e = _varStart[v]; e < _varStart[v + 1]; e++)
            {
                var c = _varCon[e];
                if (scratch.ConstraintStamp[c] != stamp)
                {
                    scratch.ConstraintStamp[c] = stamp;
                    touched.Add(c);
                }
            }
        }

        touched.Sort();
        // the untouched constraints are constants: all penalties but the touched ones'
        offset += state.PenaltyEnergy;
        var slack = new List<sbyte>();
        var vars = new List<int>();
        var coefs = new List<double>();
        foreach (var c in touched)
        {
            offset -= Penalty(c, state.Lhs[c]);
            vars.Clear();
            coefs.Clear();
            var outside = state.Lhs[c];
            double min = 0, max = 0;
            for (var e = _conStart[c]; e < _conStart[c + 1]; e++)
            {
                var b = position[_conVar[e]];
                if (b >= 0)
                {
                    var a = _conCoef[e];
                    outside -= a * x[_conVar[e]];
                    vars.Add(b);
                    coefs.Add(a);
                    min += Math.Min(a, 0);
                    max += Math.Max(a, 0);
                }
            }

            offset += AddResidual(scratch, c, vars, coefs, outside, min, max, state.Lhs[c] - outside, slack, encoding);
        }

        var model = scratch.Build();
        return new Subproblem(variables.ToArray(), model, offset)
        {
            Current = CurrentState(model, variables, x, slack, encoding == HybridEncoding.Slack ? state.Energy - offset : null),
        };
    }

    // the incumbent as a sub-state (its decisions, each residual slack at its best value), for warm starts; null when
    // the slack layout is not the one expected (checked by energy), so a changed encoding only costs the warm start
    // (the check needs an exact encoding: energy null skips it)
    private static sbyte[]? CurrentState(Qubo.BinaryQuadraticModel model, ReadOnlySpan<int> variables, sbyte[] x, List<sbyte> slack, double? energy)
    {
        if (variables.Length + slack.Count != model.VariableCount)
        {
            return null;
        }

        var current = new sbyte[model.VariableCount];
        for (var a = 0; a < variables.Length; a++)
        {
            current[a] = x[variables[a]];
        }

        slack.CopyTo(current, variables.Length);
        return energy is not { } e || Math.Abs(model.Energy(current) - e) <= 1e-6 * Math.Max(1.0, Math.Abs(e)) ? current : null;
    }

    // adds constraint c restricted to the free variables and returns the constant it leaves in the offset
    private double AddResidual(SubQuboScratch scratch, int c, List<int> vars, List<double> coefs, double outside, double min, double max, double inside, List<sbyte> slack, HybridEncoding encoding)
    {
        var w = _penalty[c];
        var name = string.Create(CultureInfo.InvariantCulture, $"c{c}");
        if (_pairwise[c])
        {
            // C(o + s, 2) = C(o, 2) + o s + C(s, 2)
            if (vars.Count > 1)
            {
                scratch.Builder.AddAtMostK(name, [.. vars], 1, w);
            }

            foreach (var b in vars)
            {
                scratch.AddLinear(b, w * outside);
            }

            return w * outside * (outside - 1) / 2;
        }

        var rhs = _rhs[c] - outside;
        var sense = _sense[c];
        // a residual inequality that no free assignment meets is a plain square (the best slack is 0 everywhere)
        var never = (sense == ConstraintSense.LessOrEqual && min > rhs + 1e-9) || (sense == ConstraintSense.GreaterOrEqual && max < rhs - 1e-9);
        if (sense == ConstraintSense.Equal || never)
        {
            scratch.Builder.AddEquality(name, [.. vars], [.. coefs], rhs, w);
        }
        else if (encoding != HybridEncoding.Slack && SlackFree(scratch, vars, coefs, rhs, sense, min, max, w, encoding) is { } constant)
        {
            return constant;
        }
        else if (sense == ConstraintSense.LessOrEqual)
        {
            scratch.Builder.AddLessOrEqual(name, [.. vars], [.. coefs], rhs, w);
            AddSlack(slack, max <= rhs + 1e-9 ? -1 : (long)Math.Round(rhs - min), (long)Math.Round(rhs - inside));
        }
        else
        {
            scratch.Builder.AddGreaterOrEqual(name, [.. vars], [.. coefs], rhs, w);
            AddSlack(slack, -min <= -rhs + 1e-9 ? -1 : (long)Math.Round(max - rhs), (long)Math.Round(inside - rhs));
        }

        return 0.0;
    }

    // w h (h - 1) with h = sign (a x - rhs) >= 0 (sign -1 for <=), when the encoding takes it for this residual; returns
    // the constant part, or null to fall back to slack bits. h(h - 1) = h0(h0 - 1) + sum_b (2 h0 g_b + g_b^2 - g_b) x_b
    // + 2 sum_{b<c} g_b g_c x_b x_c on binaries
    private static double? SlackFree(SubQuboScratch scratch, List<int> vars, List<double> coefs, double rhs, ConstraintSense sense, double min, double max, double w, HybridEncoding encoding)
    {
        var sign = sense == ConstraintSense.LessOrEqual ? -1.0 : 1.0;
        var h0 = -sign * rhs;
        var hmax = sense == ConstraintSense.LessOrEqual ? rhs - min : max - rhs;
        var hmin = sense == ConstraintSense.LessOrEqual ? rhs - max : min - rhs;
        if (hmin >= -1e-9)
        {
            return 0.0;
        }

        if (encoding == HybridEncoding.Mixed && hmax > 1 + 1e-9)
        {
            return null;
        }

        for (var b = 0; b < vars.Count; b++)
        {
            var g = sign * coefs[b];
            scratch.AddLinear(vars[b], w * ((2 * h0 * g) + (g * g) - g));
            for (var d = b + 1; d < vars.Count; d++)
            {
                scratch.AddQuadratic(vars[b], vars[d], 2 * w * g * sign * coefs[d]);
            }
        }

        return w * h0 * (h0 - 1);
    }

    // the bits ConstrainedQuboBuilder gives a slack of range 0..range (1, 2, 4, ..., then the remainder), set to value
    private static void AddSlack(List<sbyte> slack, long range, long value)
    {
        if (range < 0)
        {
            return;
        }

        var bits = new List<long>();
        for (long covered = 0, step = 1; covered < range; step *= 2)
        {
            var v = Math.Min(step, range - covered);
            bits.Add(v);
            covered += v;
        }

        var rest = Math.Clamp(value, 0, range);
        var set = new sbyte[bits.Count];
        if (bits.Count > 0 && rest >= bits[^1] && bits[^1] != 1L << (bits.Count - 1))
        {
            set[^1] = 1;
            rest -= bits[^1];
        }

        for (var b = bits.Count - 1; b >= 0; b--)
        {
            if (set[b] == 0 && rest >= bits[b] && bits[b] == 1L << b)
            {
                set[b] = 1;
                rest -= bits[b];
            }
        }

        slack.AddRange(set);
    }
}
