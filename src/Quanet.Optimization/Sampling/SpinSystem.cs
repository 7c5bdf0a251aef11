using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// A mutable spin state of an Ising model with its local fields f_i = h_i + sum_j J_ij s_j kept
/// incrementally: a flip costs O(degree) and allocates nothing. The energy change of flipping i is
/// -2 s_i f_i. One instance per read; not thread-safe.
/// </summary>
internal sealed class SpinSystem
{
    private readonly double[] _linear;
    private readonly int[] _rowStart;
    private readonly int[] _neighbors;
    private readonly double[] _weights;

    public SpinSystem(BinaryQuadraticModel ising)
    {
        if (ising.Vartype != Vartype.Spin)
        {
            throw new ArgumentException("the model must be in Ising form", nameof(ising));
        }

        _linear = ising.Linear.ToArray();
        _rowStart = ising.RowStart.ToArray();
        _neighbors = ising.Neighbors.ToArray();
        _weights = ising.Weights.ToArray();
        Offset = ising.Offset;
        Spins = new sbyte[_linear.Length];
        Fields = new double[_linear.Length];
    }

    /// <summary>A second state over the same model, sharing its read-only CSR arrays (for replicas).</summary>
    public SpinSystem(SpinSystem template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _linear = template._linear;
        _rowStart = template._rowStart;
        _neighbors = template._neighbors;
        _weights = template._weights;
        Offset = template.Offset;
        Spins = new sbyte[_linear.Length];
        Fields = new double[_linear.Length];
    }

    public int Count => _linear.Length;

    public double Offset { get; }

    /// <summary>Current spins (-1/+1).</summary>
    public sbyte[] Spins { get; }

    /// <summary>Current local fields.</summary>
    public double[] Fields { get; }

    /// <summary>Current energy (offset included), updated on every flip.</summary>
    public double Energy { get; private set; }

    public int[] RowStart => _rowStart;

    public int[] NeighborIndices => _neighbors;

    public double[] NeighborWeights => _weights;

    /// <summary>Sets uniformly random spins and recomputes fields and energy.</summary>
    public void Randomize(ref Xoshiro256 rng)
    {
        var s = Spins;
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = (rng.NextUInt64() & 1) == 0 ? (sbyte)-1 : (sbyte)1;
        }

        Recompute();
    }

    /// <summary>Copies <paramref name="spins"/> in and recomputes fields and energy.</summary>
    public void Load(ReadOnlySpan<sbyte> spins)
    {
        spins.CopyTo(Spins);
        Recompute();
    }

    /// <summary>Recomputes every field and the energy from the spins (removes floating-point drift).</summary>
    public void Recompute()
    {
        var s = Spins;
        var f = Fields;
        var energy = Offset;
        for (var i = 0; i < s.Length; i++)
        {
            var field = _linear[i];
            var half = 0.0;
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                half += _weights[k] * s[_neighbors[k]];
            }

            f[i] = field + half;
            energy += s[i] * (field + (0.5 * half));
        }

        Energy = energy;
    }

    /// <summary>Energy change of flipping <paramref name="i"/>.</summary>
    public double Delta(int i) => -2.0 * Spins[i] * Fields[i];

    /// <summary>Flips <paramref name="i"/>, updating the neighbours' fields and the energy.</summary>
    public void Flip(int i)
    {
        var s = Spins;
        var f = Fields;
        var old = s[i];
        Energy += -2.0 * old * f[i];
        s[i] = (sbyte)-old;
        var change = -2.0 * old;
        var end = _rowStart[i + 1];
        for (var k = _rowStart[i]; k < end; k++)
        {
            f[_neighbors[k]] += _weights[k] * change;
        }
    }

    /// <summary>One Metropolis sweep over the variables in index order at inverse temperature <paramref name="beta"/>.</summary>
    public void Sweep(double beta, ref Xoshiro256 rng)
    {
        var s = Spins;
        var f = Fields;
        for (var i = 0; i < s.Length; i++)
        {
            var delta = -2.0 * s[i] * f[i];
            if (delta <= 0.0)
            {
                Flip(i);
                continue;
            }

            // exp(-40) < 5e-18: such moves are never accepted in practice, skip the exp
            var x = beta * delta;
            if (x < 40.0 && rng.NextDouble() < Math.Exp(-x))
            {
                Flip(i);
            }
        }
    }
}
