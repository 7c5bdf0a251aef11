namespace Quanet.Optimization.Qubo;

/// <summary>
/// Accumulates biases into a <see cref="BinaryQuadraticModel"/>. Repeated terms add up;
/// a diagonal quadratic term is folded into the linear bias (x² = x) for binary models and into
/// the offset (s² = 1) for spin models.
/// </summary>
public sealed class BqmBuilder
{
    private readonly List<string> _labels = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<double> _linear = [];
    // long's own hash is lo ^ hi, which for (i << 32 | j) collapses to i ^ j: a few thousand buckets for millions
    // of pairs. A mixing comparer keeps insertion O(1).
    private readonly Dictionary<long, double> _quadratic = new(PairKeyComparer.Instance);
    private double _offset;

    /// <summary>Starts an empty model over <paramref name="vartype"/> variables.</summary>
    public BqmBuilder(Vartype vartype)
    {
        Vartype = vartype;
    }

    /// <summary>The variable domain of the model being built.</summary>
    public Vartype Vartype { get; }

    /// <summary>Number of variables added so far.</summary>
    public int VariableCount => _labels.Count;

    /// <summary>Number of distinct interactions added so far.</summary>
    public int InteractionCount => _quadratic.Count;

    /// <summary>Adds the variable <paramref name="label"/> (or finds it) and returns its index.</summary>
    public int AddVariable(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (_index.TryGetValue(label, out var existing))
        {
            return existing;
        }

        var i = _labels.Count;
        _labels.Add(label);
        _linear.Add(0.0);
        _index.Add(label, i);
        return i;
    }

    /// <summary>Adds <paramref name="count"/> variables labelled by their index ("0", "1", ...) and returns the first index.</summary>
    public int AddVariables(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = _labels.Count;
        for (var k = 0; k < count; k++)
        {
            AddVariable((first + k).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return first;
    }

    /// <summary>The index of <paramref name="label"/>, or -1.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out var i) ? i : -1;

    /// <summary>Adds <paramref name="bias"/> to the linear term of variable <paramref name="i"/>.</summary>
    public void AddLinear(int i, double bias)
    {
        CheckIndex(i);
        _linear[i] += bias;
    }

    /// <summary>Adds <paramref name="bias"/> to the interaction between <paramref name="i"/> and <paramref name="j"/>.</summary>
    public void AddQuadratic(int i, int j, double bias)
    {
        CheckIndex(i);
        CheckIndex(j);
        if (i == j)
        {
            if (Vartype == Vartype.Binary)
            {
                _linear[i] += bias;
            }
            else
            {
                _offset += bias;
            }

            return;
        }

        var key = Key(i, j);
        _quadratic[key] = _quadratic.TryGetValue(key, out var w) ? w + bias : bias;
    }

    /// <summary>Adds <paramref name="value"/> to the constant term.</summary>
    public void AddOffset(double value) => _offset += value;

    /// <summary>Builds the immutable CSR model; interactions that summed to exactly zero are dropped.</summary>
    public BinaryQuadraticModel Build()
    {
        var n = _labels.Count;
        var degree = new int[n + 1];
        foreach (var (key, w) in _quadratic)
        {
            if (w == 0.0)
            {
                continue;
            }

            degree[(int)(key >> 32)]++;
            degree[(int)(key & 0xFFFFFFFF)]++;
        }

        var rowStart = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + degree[i];
        }

        var neighbors = new int[rowStart[n]];
        var weights = new double[rowStart[n]];
        var fill = (int[])rowStart.Clone();
        foreach (var (key, w) in _quadratic)
        {
            if (w == 0.0)
            {
                continue;
            }

            var i = (int)(key >> 32);
            var j = (int)(key & 0xFFFFFFFF);
            neighbors[fill[i]] = j;
            weights[fill[i]++] = w;
            neighbors[fill[j]] = i;
            weights[fill[j]++] = w;
        }

        for (var i = 0; i < n; i++)
        {
            Array.Sort(neighbors, weights, rowStart[i], rowStart[i + 1] - rowStart[i]);
        }

        return new BinaryQuadraticModel(Vartype, [.. _linear], rowStart, neighbors, weights, _offset, [.. _labels]);
    }

    private static long Key(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    private void CheckIndex(int i)
    {
        if ((uint)i >= (uint)_labels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(i), i, $"variable index must be in [0, {_labels.Count})");
        }
    }
}
