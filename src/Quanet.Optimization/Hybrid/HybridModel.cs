using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Hybrid;

/// <summary>
/// The problem the hybrid loop (<see cref="HybridSolver"/>) works on: binary decision variables, a quadratic
/// objective and, for a <see cref="ConstrainedQubo"/>, its linear constraints with their penalty weights. The
/// slack bits of the penalised model are not state: for given decisions the best slack value of every constraint
/// is computable (0 penalty when the constraint holds, the squared excess otherwise), so <see cref="Energy"/> is
/// the penalised model's energy minimised over its slack bits, and each subproblem re-encodes only the slack its
/// constraints still need once the variables outside it are clamped (see <see cref="BuildSubproblem(ReadOnlySpan{sbyte}, ReadOnlySpan{int}, HybridEncoding)"/>).
/// </summary>
public sealed partial class HybridModel
{
    private readonly double[] _linear;
    private readonly int[] _rowStart;
    private readonly int[] _neighbors;
    private readonly double[] _weights;
    private readonly double _offset;
    private readonly int[] _conStart;
    private readonly int[] _conVar;
    private readonly double[] _conCoef;
    private readonly ConstraintSense[] _sense;
    private readonly double[] _rhs;
    private readonly double[] _penalty;
    private readonly bool[] _pairwise;
    private readonly int[] _varStart;
    private readonly int[] _varCon;
    private readonly double[] _varCoef;

    private HybridModel(BinaryQuadraticModel objective, IReadOnlyList<LinearConstraint> constraints, IReadOnlyList<ConstraintPenalty> penalties)
    {
        Objective = objective;
        _linear = objective.Linear.ToArray();
        _rowStart = objective.RowStart.ToArray();
        _neighbors = objective.Neighbors.ToArray();
        _weights = objective.Weights.ToArray();
        _offset = objective.Offset;
        var m = constraints.Count;
        _conStart = new int[m + 1];
        for (var c = 0; c < m; c++)
        {
            _conStart[c + 1] = _conStart[c] + constraints[c].Variables.Count;
        }

        _conVar = new int[_conStart[m]];
        _conCoef = new double[_conStart[m]];
        _sense = new ConstraintSense[m];
        _rhs = new double[m];
        _penalty = new double[m];
        _pairwise = new bool[m];
        var perVar = new int[objective.VariableCount + 1];
        for (var c = 0; c < m; c++)
        {
            var con = constraints[c];
            for (var k = 0; k < con.Variables.Count; k++)
            {
                _conVar[_conStart[c] + k] = con.Variables[k];
                _conCoef[_conStart[c] + k] = con.Coefficients[k];
                perVar[con.Variables[k] + 1]++;
            }

            _sense[c] = con.Sense;
            _rhs[c] = con.Rhs;
            _penalty[c] = penalties[c].Weight;
            _pairwise[c] = penalties[c].Pairwise;
        }

        for (var i = 0; i < objective.VariableCount; i++)
        {
            perVar[i + 1] += perVar[i];
        }

        _varStart = perVar;
        _varCon = new int[_conVar.Length];
        _varCoef = new double[_conVar.Length];
        var fill = (int[])perVar.Clone();
        for (var c = 0; c < m; c++)
        {
            for (var e = _conStart[c]; e < _conStart[c + 1]; e++)
            {
                var slot = fill[_conVar[e]]++;
                _varCon[slot] = c;
                _varCoef[slot] = _conCoef[e];
            }
        }
    }

    /// <summary>The objective over the decision variables (binary).</summary>
    public BinaryQuadraticModel Objective { get; }

    /// <summary>Number of decision variables.</summary>
    public int VariableCount => _linear.Length;

    /// <summary>Number of constraints (0 for a plain QUBO).</summary>
    public int ConstraintCount => _rhs.Length;

    /// <summary>A plain QUBO (or Ising model, converted to binary): every variable is a decision, nothing is infeasible.</summary>
    public static HybridModel FromBqm(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HybridModel(model.Vartype == Vartype.Binary ? model : model.ToQubo(), [], []);
    }

    /// <summary>A constrained QUBO: the decision variables, the objective and the constraints with the weights its builder used.</summary>
    /// <exception cref="ArgumentException">The QUBO does not record how its constraints were penalised.</exception>
    public static HybridModel FromConstrained(ConstrainedQubo qubo)
    {
        ArgumentNullException.ThrowIfNull(qubo);
        if (qubo.Penalties.Count != qubo.Constraints.Count)
        {
            throw new ArgumentException("the constrained QUBO does not record its constraints' penalty weights", nameof(qubo));
        }

        return new HybridModel(qubo.Objective, qubo.Constraints, qubo.Penalties);
    }

    /// <summary>
    /// The energy of decisions <paramref name="state"/> (binary 0/1): objective plus every constraint's penalty at its
    /// best slack value, which is the penalised model's energy minimised over its slack bits.
    /// </summary>
    public double Energy(ReadOnlySpan<sbyte> state)
    {
        RequireLength(state);
        var energy = Objective.Energy(state);
        for (var c = 0; c < _rhs.Length; c++)
        {
            energy += Penalty(c, LeftSide(c, state));
        }

        return energy;
    }

    /// <summary>Whether <paramref name="state"/> meets every constraint.</summary>
    public bool IsFeasible(ReadOnlySpan<sbyte> state)
    {
        RequireLength(state);
        for (var c = 0; c < _rhs.Length; c++)
        {
            if (Penalty(c, LeftSide(c, state)) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // the constraint's penalty at its best slack value: the log-encoded slack of ConstrainedQuboBuilder spans exactly
    // the values that make a met inequality's square zero, and an unmet one is best with slack 0
    internal double Penalty(int c, double lhs)
    {
        var w = _penalty[c];
        if (_pairwise[c])
        {
            return w * lhs * (lhs - 1) / 2;
        }

        var excess = _sense[c] switch
        {
            ConstraintSense.LessOrEqual => Math.Max(0, lhs - _rhs[c]),
            ConstraintSense.GreaterOrEqual => Math.Max(0, _rhs[c] - lhs),
            _ => lhs - _rhs[c],
        };
        return w * excess * excess;
    }

    internal double LeftSide(int c, ReadOnlySpan<sbyte> state)
    {
        var sum = 0.0;
        for (var e = _conStart[c]; e < _conStart[c + 1]; e++)
        {
            sum += _conCoef[e] * state[_conVar[e]];
        }

        return sum;
    }

    private void RequireLength(ReadOnlySpan<sbyte> state)
    {
        if (state.Length != VariableCount)
        {
            throw new ArgumentException($"state has {state.Length} values, the model {VariableCount} decision variables", nameof(state));
        }
    }
}
