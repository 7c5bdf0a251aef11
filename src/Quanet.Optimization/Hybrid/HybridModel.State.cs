namespace Quanet.Optimization.Hybrid;

/// <summary>The state facet: O(degree) flips and flip deltas on a <see cref="HybridState"/>.</summary>
public sealed partial class HybridModel
{
    internal HybridState NewState(ReadOnlySpan<sbyte> x)
    {
        RequireLength(x);
        var state = new HybridState(VariableCount, ConstraintCount);
        x.CopyTo(state.X);
        for (var i = 0; i < VariableCount; i++)
        {
            var f = _linear[i];
            for (var e = _rowStart[i]; e < _rowStart[i + 1]; e++)
            {
                f += _weights[e] * x[_neighbors[e]];
            }

            state.Field[i] = f;
        }

        var penalty = 0.0;
        for (var c = 0; c < ConstraintCount; c++)
        {
            state.Lhs[c] = LeftSide(c, x);
            var p = Penalty(c, state.Lhs[c]);
            penalty += p;
            state.Violated += p > 0 ? 1 : 0;
        }

        state.ObjectiveEnergy = Objective.Energy(x);
        state.PenaltyEnergy = penalty;
        return state;
    }

    /// <summary>Change of <see cref="Energy"/> if variable <paramref name="i"/> flipped.</summary>
    internal double FlipDelta(HybridState state, int i)
    {
        var d = 1 - (2 * state.X[i]);
        var delta = d * state.Field[i];
        for (var e = _varStart[i]; e < _varStart[i + 1]; e++)
        {
            var c = _varCon[e];
            var lhs = state.Lhs[c];
            delta += Penalty(c, lhs + (d * _varCoef[e])) - Penalty(c, lhs);
        }

        return delta;
    }

    internal void Flip(HybridState state, int i)
    {
        var d = 1 - (2 * state.X[i]);
        state.ObjectiveEnergy += d * state.Field[i];
        state.X[i] = (sbyte)(1 - state.X[i]);
        for (var e = _rowStart[i]; e < _rowStart[i + 1]; e++)
        {
            state.Field[_neighbors[e]] += d * _weights[e];
        }

        var penalty = state.PenaltyEnergy;
        for (var e = _varStart[i]; e < _varStart[i + 1]; e++)
        {
            var c = _varCon[e];
            var lhs = state.Lhs[c];
            var next = lhs + (d * _varCoef[e]);
            var was = Penalty(c, lhs);
            var now = Penalty(c, next);
            penalty += now - was;
            state.Violated += (now > 0 ? 1 : 0) - (was > 0 ? 1 : 0);
            state.Lhs[c] = next;
        }

        state.PenaltyEnergy = penalty;
    }

    /// <summary>The variables that share a coupling or a constraint with <paramref name="i"/> (may repeat).</summary>
    internal void AddNeighbours(int i, List<int> into)
    {
        for (var e = _rowStart[i]; e < _rowStart[i + 1]; e++)
        {
            into.Add(_neighbors[e]);
        }

        for (var e = _varStart[i]; e < _varStart[i + 1]; e++)
        {
            var c = _varCon[e];
            for (var k = _conStart[c]; k < _conStart[c + 1]; k++)
            {
                into.Add(_conVar[k]);
            }
        }
    }

    /// <summary>The constraints variable <paramref name="i"/> appears in, and its coefficient in each.</summary>
    internal ReadOnlySpan<int> ConstraintsOf(int i) => _varCon.AsSpan(_varStart[i], _varStart[i + 1] - _varStart[i]);

    internal ReadOnlySpan<double> CoefficientsOf(int i) => _varCoef.AsSpan(_varStart[i], _varStart[i + 1] - _varStart[i]);

    /// <summary>The variables of constraint <paramref name="c"/>.</summary>
    internal ReadOnlySpan<int> VariablesOf(int c) => _conVar.AsSpan(_conStart[c], _conStart[c + 1] - _conStart[c]);
}
