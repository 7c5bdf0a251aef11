namespace Quanet.Optimization.Qubo;

public sealed partial class BinaryQuadraticModel
{
    /// <summary>
    /// The energy of <paramref name="state"/> (0/1 values for binary models, -1/+1 for spin models).
    /// </summary>
    /// <exception cref="ArgumentException">The state has the wrong length.</exception>
    public double Energy(ReadOnlySpan<sbyte> state)
    {
        if (state.Length != _linear.Length)
        {
            throw new ArgumentException($"state has {state.Length} values but the model has {_linear.Length} variables", nameof(state));
        }

        var energy = Offset;
        for (var i = 0; i < _linear.Length; i++)
        {
            var si = state[i];
            if (si == 0)
            {
                continue;
            }

            var field = _linear[i];
            var half = 0.0;
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                half += _weights[k] * state[_neighbors[k]];
            }

            // each interaction is stored in both rows: count it half in each
            energy += si * (field + (0.5 * half));
        }

        return energy;
    }

    /// <summary>
    /// The local field of variable <paramref name="i"/>: h_i + sum_j J_ij s_j, in O(degree).
    /// </summary>
    public double LocalField(ReadOnlySpan<sbyte> state, int i)
    {
        var field = _linear[i];
        for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
        {
            field += _weights[k] * state[_neighbors[k]];
        }

        return field;
    }

    /// <summary>
    /// The energy change when variable <paramref name="i"/> is flipped (0 &lt;-&gt; 1, or s -&gt; -s), in O(degree).
    /// </summary>
    public double FlipDelta(ReadOnlySpan<sbyte> state, int i)
    {
        var field = LocalField(state, i);
        return Vartype == Vartype.Binary
            ? (1 - (2 * state[i])) * field
            : -2.0 * state[i] * field;
    }
}
