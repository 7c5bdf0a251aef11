namespace Quanet.Optimization.Qubo;

public sealed partial class BinaryQuadraticModel
{
    /// <summary>
    /// The same energy function over the other variable domain (x = (1 + s) / 2), offset kept, so
    /// that E_qubo(x) == E_ising(2x - 1) for every assignment. Returns this model when the domain already matches.
    /// </summary>
    public BinaryQuadraticModel ChangeVartype(Vartype target)
    {
        if (target == Vartype)
        {
            return this;
        }

        var n = _linear.Length;
        var linear = new double[n];
        var weights = new double[_weights.Length];
        var offset = Offset;
        if (Vartype == Vartype.Binary)
        {
            // h x = h/2 + (h/2) s;  J x_i x_j = J/4 (1 + s_i + s_j + s_i s_j)
            for (var i = 0; i < n; i++)
            {
                var rowSum = 0.0;
                for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
                {
                    rowSum += _weights[k];
                    weights[k] = _weights[k] / 4.0;
                }

                linear[i] = (_linear[i] / 2.0) + (rowSum / 4.0);
                offset += (_linear[i] / 2.0) + (rowSum / 8.0);
            }
        }
        else
        {
            // h s = 2h x - h;  J s_i s_j = J (4 x_i x_j - 2 x_i - 2 x_j + 1)
            for (var i = 0; i < n; i++)
            {
                var rowSum = 0.0;
                for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
                {
                    rowSum += _weights[k];
                    weights[k] = 4.0 * _weights[k];
                }

                linear[i] = (2.0 * _linear[i]) - (2.0 * rowSum);
                offset += -_linear[i] + (rowSum / 2.0);
            }
        }

        return new BinaryQuadraticModel(target, linear, _rowStart, _neighbors, weights, offset, _labels);
    }

    /// <summary>The Ising (spin) form of this model.</summary>
    public BinaryQuadraticModel ToIsing() => ChangeVartype(Vartype.Spin);

    /// <summary>The QUBO (binary) form of this model.</summary>
    public BinaryQuadraticModel ToQubo() => ChangeVartype(Vartype.Binary);

    /// <summary>Converts a state of this model's domain to <paramref name="target"/>'s domain (0/1 &lt;-&gt; -1/+1).</summary>
    public static sbyte[] ConvertState(ReadOnlySpan<sbyte> state, Vartype from, Vartype target)
    {
        var result = new sbyte[state.Length];
        for (var i = 0; i < state.Length; i++)
        {
            result[i] = from == target
                ? state[i]
                : target == Vartype.Spin ? (sbyte)((2 * state[i]) - 1) : (sbyte)((state[i] + 1) / 2);
        }

        return result;
    }
}
