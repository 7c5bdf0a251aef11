namespace Quanet.Optimization.Qubo;

/// <summary>
/// An immutable binary quadratic model E(x) = offset + sum_i h_i x_i + sum_{i&lt;j} J_ij x_i x_j over
/// binary (0/1, QUBO) or spin (-1/+1, Ising) variables, stored sparsely: the interactions are kept as
/// a symmetric CSR adjacency (each J_ij in the rows of both i and j), so memory is O(n + nnz).
/// Build one with <see cref="BqmBuilder"/>.
/// </summary>
public sealed partial class BinaryQuadraticModel
{
    private readonly double[] _linear;
    private readonly int[] _rowStart;
    private readonly int[] _neighbors;
    private readonly double[] _weights;
    private readonly string[] _labels;
    private Dictionary<string, int>? _index;

    internal BinaryQuadraticModel(Vartype vartype, double[] linear, int[] rowStart, int[] neighbors, double[] weights, double offset, string[] labels)
    {
        Vartype = vartype;
        _linear = linear;
        _rowStart = rowStart;
        _neighbors = neighbors;
        _weights = weights;
        Offset = offset;
        _labels = labels;
    }

    /// <summary>Whether the variables are binary (QUBO) or spins (Ising).</summary>
    public Vartype Vartype { get; }

    /// <summary>The constant term of the energy.</summary>
    public double Offset { get; }

    /// <summary>Number of variables.</summary>
    public int VariableCount => _linear.Length;

    /// <summary>Number of distinct interactions (pairs i &lt; j with a non-zero J_ij).</summary>
    public int InteractionCount => _neighbors.Length / 2;

    /// <summary>The variable labels, indexed like the variables.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The linear biases h_i.</summary>
    public ReadOnlySpan<double> Linear => _linear;

    /// <summary>CSR row starts: the neighbours of i are <c>Neighbors[RowStart[i]..RowStart[i + 1]]</c>; length n + 1.</summary>
    public ReadOnlySpan<int> RowStart => _rowStart;

    /// <summary>CSR column indices (each interaction appears in both rows), sorted within a row.</summary>
    public ReadOnlySpan<int> Neighbors => _neighbors;

    /// <summary>CSR interaction weights J_ij, parallel to <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Degree (number of neighbours) of variable <paramref name="i"/>.</summary>
    public int Degree(int i) => _rowStart[i + 1] - _rowStart[i];

    /// <summary>The index of the variable labelled <paramref name="label"/>, or -1.</summary>
    public int IndexOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        _index ??= BuildIndex(_labels);
        return _index.TryGetValue(label, out var i) ? i : -1;
    }

    /// <summary>The interaction J_ij (0 when i and j do not interact).</summary>
    public double Quadratic(int i, int j)
    {
        var row = _neighbors.AsSpan(_rowStart[i], _rowStart[i + 1] - _rowStart[i]);
        var k = row.BinarySearch(j);
        return k >= 0 ? _weights[_rowStart[i] + k] : 0.0;
    }

    /// <summary>Every interaction once, as (i, j, J_ij) with i &lt; j, in row order.</summary>
    public IEnumerable<(int I, int J, double Weight)> Interactions()
    {
        for (var i = 0; i < _linear.Length; i++)
        {
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                var j = _neighbors[k];
                if (j > i)
                {
                    yield return (i, j, _weights[k]);
                }
            }
        }
    }

    private static Dictionary<string, int> BuildIndex(string[] labels)
    {
        var index = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            index[labels[i]] = i;
        }

        return index;
    }
}
