using System.Numerics;
using System.Runtime.InteropServices;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Sampling.Bifurcation;

/// <summary>
/// A batch of simulated-bifurcation replicas advanced together. Positions and momenta are stored
/// variable-major with the replicas innermost (<c>x[i * width + r]</c>), so the sparse coupling sum of
/// row i reads whole SIMD vectors of the neighbour's replicas without a gather: one broadcast weight times
/// <see cref="Vector{T}"/> lanes of replicas. Every lane runs the same scalar recurrence on its own replica
/// (no horizontal operation), so a replica's trajectory does not depend on the vector width.
/// Not thread-safe; one per read.
/// </summary>
internal sealed partial class BifurcationBatch
{
    private const float A0 = 1f;
    private readonly int _n;
    private readonly int _replicas;
    private readonly int _lanes;
    private readonly int[] _rowStart;
    private readonly int[] _neighbors;
    private readonly float[] _weights;
    private readonly float[] _fields;
    private readonly Vector<float>[] _x;
    private readonly Vector<float>[] _y;
    private readonly Vector<float>[] _signs;

    /// <summary>Prepares a batch of <paramref name="replicas"/> replicas for the Ising model <paramref name="ising"/>.</summary>
    public BifurcationBatch(BinaryQuadraticModel ising, int replicas)
    {
        _n = ising.VariableCount;
        _replicas = replicas;
        _lanes = (replicas + Vector<float>.Count - 1) / Vector<float>.Count;
        _rowStart = ising.RowStart.ToArray();
        _neighbors = ising.Neighbors.ToArray();

        // SB maximises sum J x x + h x in Goto's sign convention (H = -1/2 x^T J x - h x): our energy's couplings and fields negated
        var weights = ising.Weights;
        _weights = new float[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            _weights[k] = (float)-weights[k];
        }

        var linear = ising.Linear;
        _fields = new float[_n];
        for (var i = 0; i < _n; i++)
        {
            _fields[i] = (float)-linear[i];
        }

        _x = new Vector<float>[_n * _lanes];
        _y = new Vector<float>[_n * _lanes];
        _signs = new Vector<float>[_n * _lanes];
        C0 = DefaultC0(ising);
    }

    /// <summary>The coupling scale c0 of Goto et al. 2021: 0.5 / (sqrt(N) * sigma_J), sigma_J the root mean square of J_ij over i != j.</summary>
    public float C0 { get; set; }

    /// <summary>Sets x and y of every replica uniformly in [-0.1, 0.1]; replica r draws its 2N values after replica r - 1.</summary>
    public void Initialize(ref Xoshiro256 rng)
    {
        var x = MemoryMarshal.Cast<Vector<float>, float>(_x.AsSpan());
        var y = MemoryMarshal.Cast<Vector<float>, float>(_y.AsSpan());
        x.Clear();
        y.Clear();
        var width = _lanes * Vector<float>.Count;
        for (var r = 0; r < _replicas; r++)
        {
            for (var i = 0; i < _n; i++)
            {
                x[(i * width) + r] = (float)((rng.NextDouble() - 0.5) * 0.2);
                y[(i * width) + r] = (float)((rng.NextDouble() - 0.5) * 0.2);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="steps"/> symplectic-Euler steps with the pump a(t) rising linearly from 0 to a0 = 1;
    /// returns the steps run (fewer when <paramref name="stop"/> says so, checked every 16 steps).
    /// </summary>
    public int Run(int steps, float dt, BifurcationVariant variant, Func<bool> stop)
    {
        for (var t = 0; t < steps; t++)
        {
            if ((t & 15) == 15 && stop())
            {
                return t;
            }

            var pump = A0 * t / steps;
            var source = _x;
            if (variant == BifurcationVariant.Discrete)
            {
                SignsOf(_x, _signs);
                source = _signs;
            }

            Momenta(source, A0 - pump, dt);
            Positions(dt);
        }

        return steps;
    }

    /// <summary>Writes the signs of replica <paramref name="replica"/>'s positions (+1 for x >= 0) into <paramref name="spins"/>.</summary>
    public void Signs(int replica, Span<sbyte> spins)
    {
        var x = MemoryMarshal.Cast<Vector<float>, float>(_x.AsSpan());
        var width = _lanes * Vector<float>.Count;
        for (var i = 0; i < _n; i++)
        {
            spins[i] = x[(i * width) + replica] >= 0f ? (sbyte)1 : (sbyte)-1;
        }
    }
}
