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
internal sealed class BifurcationBatch
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

    /// <summary>The paper's rule for c0 (1 when the model has no couplings).</summary>
    public static float DefaultC0(BinaryQuadraticModel ising)
    {
        var n = ising.VariableCount;
        var sum = 0.0;
        foreach (var w in ising.Weights)
        {
            sum += w * w;
        }

        // Weights hold each coupling twice (both directions), as the sum over i != j does
        return n < 2 || sum == 0.0 ? 1f : (float)(0.5 / (Math.Sqrt(n) * Math.Sqrt(sum / ((double)n * (n - 1)))));
    }

    /// <summary>
    /// The largest |eigenvalue| of the coupling matrix by 100 power iterations from a fixed start vector
    /// (deterministic); a lower estimate that converges quickly for the dominant mode of Gset-like graphs.
    /// </summary>
    public static double SpectralRadius(BinaryQuadraticModel ising)
    {
        var n = ising.VariableCount;
        var rowStart = ising.RowStart;
        var neighbors = ising.Neighbors;
        var weights = ising.Weights;
        var v = new double[n];
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = 1.0 + (0.01 * (i % 7));
        }

        var radius = 0.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
                {
                    sum += weights[k] * v[neighbors[k]];
                }

                w[i] = sum;
                norm += sum * sum;
            }

            var before = 0.0;
            foreach (var x in v)
            {
                before += x * x;
            }

            norm = Math.Sqrt(norm);
            if (norm == 0.0)
            {
                return 0.0;
            }

            radius = norm / Math.Sqrt(before);
            for (var i = 0; i < n; i++)
            {
                v[i] = w[i] / norm;
            }
        }

        return radius;
    }

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

    private static void SignsOf(Vector<float>[] x, Vector<float>[] signs)
    {
        var one = Vector<float>.One;
        for (var k = 0; k < x.Length; k++)
        {
            signs[k] = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x[k], Vector<float>.Zero), one, -one);
        }
    }

    // y_i += (-(a0 - a(t)) x_i + c0 (sum_j J_ij s_j + h_i)) dt, s = x (bSB) or sign(x) (dSB);
    // four vectors of replicas at a time so the accumulators stay in registers
    private void Momenta(Vector<float>[] source, float detuning, float dt)
    {
        var lanes = _lanes;
        var l = 0;
        for (; l + 4 <= lanes; l += 4)
        {
            MomentaOf4(source, l, detuning, dt);
        }

        for (; l < lanes; l++)
        {
            MomentaOf1(source, l, detuning, dt);
        }
    }

    private void MomentaOf4(Vector<float>[] source, int lane, float detuning, float dt)
    {
        var lanes = _lanes;
        var c0 = new Vector<float>(C0);
        var loss = new Vector<float>(detuning);
        var step = new Vector<float>(dt);
        var x = _x;
        var y = _y;
        for (var i = 0; i < _n; i++)
        {
            var a0 = new Vector<float>(_fields[i]);
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            var end = _rowStart[i + 1];
            for (var k = _rowStart[i]; k < end; k++)
            {
                var w = new Vector<float>(_weights[k]);
                var from = (_neighbors[k] * lanes) + lane;
                a0 += w * source[from];
                a1 += w * source[from + 1];
                a2 += w * source[from + 2];
                a3 += w * source[from + 3];
            }

            var at = (i * lanes) + lane;
            y[at] += ((c0 * a0) - (loss * x[at])) * step;
            y[at + 1] += ((c0 * a1) - (loss * x[at + 1])) * step;
            y[at + 2] += ((c0 * a2) - (loss * x[at + 2])) * step;
            y[at + 3] += ((c0 * a3) - (loss * x[at + 3])) * step;
        }
    }

    private void MomentaOf1(Vector<float>[] source, int lane, float detuning, float dt)
    {
        var lanes = _lanes;
        var c0 = new Vector<float>(C0);
        var loss = new Vector<float>(detuning);
        var step = new Vector<float>(dt);
        for (var i = 0; i < _n; i++)
        {
            var acc = new Vector<float>(_fields[i]);
            var end = _rowStart[i + 1];
            for (var k = _rowStart[i]; k < end; k++)
            {
                acc += new Vector<float>(_weights[k]) * source[(_neighbors[k] * lanes) + lane];
            }

            var at = (i * lanes) + lane;
            _y[at] += ((c0 * acc) - (loss * _x[at])) * step;
        }
    }

    // x_i += a0 y_i dt, then the inelastic walls: |x_i| > 1 puts x_i at sign(x_i) and stops it (y_i = 0)
    private void Positions(float dt)
    {
        var step = new Vector<float>(A0 * dt);
        var one = Vector<float>.One;
        for (var k = 0; k < _x.Length; k++)
        {
            var x = _x[k] + (step * _y[k]);
            var outside = Vector.GreaterThan(Vector.Abs(x), one);
            _x[k] = Vector.Min(Vector.Max(x, -one), one);
            _y[k] = Vector.ConditionalSelect(outside, Vector<float>.Zero, _y[k]);
        }
    }
}
