using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa;

/// <summary>
/// State-vector simulator of the QAOA circuit for an Ising cost H = offset + sum h_i Z_i + sum J_ij Z_i Z_j
/// (qubit i in |0&gt; means s_i = +1, |1&gt; means s_i = -1): |psi&gt; = prod_l exp(-i beta_l sum X) exp(-i gamma_l H) |+&gt;^n.
/// The diagonal of H is precomputed once in Gray-code order (O(degree) per basis state); the phase layer
/// multiplies by it and each RX mixer is applied in place on pairs of amplitudes. Amplitudes are kept as
/// separate real and imaginary arrays (2^n doubles each; 22 qubits = 64 MiB); big layers run in parallel.
/// </summary>
public sealed class QaoaStateVector
{
    /// <summary>The largest number of qubits accepted.</summary>
    public const int MaxQubits = 26;

    private const int ParallelThreshold = 1 << 14;
    private readonly double[] _diagonal;
    private readonly double[] _re;
    private readonly double[] _im;

    /// <summary>Prepares the simulator for <paramref name="model"/> (any domain; its Ising form is used).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The model has more than <see cref="MaxQubits"/> variables.</exception>
    public QaoaStateVector(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var n = model.VariableCount;
        if (n > MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(model), n, $"the state-vector simulator takes at most {MaxQubits} qubits");
        }

        QubitCount = n;
        _diagonal = Diagonal(model.ToIsing());
        _re = new double[_diagonal.Length];
        _im = new double[_diagonal.Length];
    }

    /// <summary>Number of qubits (model variables).</summary>
    public int QubitCount { get; }

    /// <summary>The cost of every basis state (index bit i set = spin i is -1).</summary>
    public ReadOnlySpan<double> CostDiagonal => _diagonal;

    /// <summary>Real parts of the current amplitudes.</summary>
    public ReadOnlySpan<double> Real => _re;

    /// <summary>Imaginary parts of the current amplitudes.</summary>
    public ReadOnlySpan<double> Imaginary => _im;

    /// <summary>The lowest cost over all basis states (the exact minimum, since the diagonal is complete).</summary>
    public double MinimumCost
    {
        get
        {
            var min = double.PositiveInfinity;
            foreach (var c in _diagonal)
            {
                min = Math.Min(min, c);
            }

            return min;
        }
    }

    /// <summary>Prepares the QAOA state for the given angles (equal lengths, one pair per layer).</summary>
    public void Prepare(ReadOnlySpan<double> gammas, ReadOnlySpan<double> betas)
    {
        if (gammas.Length != betas.Length)
        {
            throw new ArgumentException($"{gammas.Length} gammas but {betas.Length} betas", nameof(betas));
        }

        var amplitude = 1.0 / Math.Sqrt(_re.Length);
        Array.Fill(_re, amplitude);
        Array.Clear(_im);
        for (var layer = 0; layer < gammas.Length; layer++)
        {
            ApplyPhase(gammas[layer]);
            for (var q = 0; q < QubitCount; q++)
            {
                ApplyRx(q, betas[layer]);
            }
        }
    }

    /// <summary>The expectation of the cost in the current state.</summary>
    public double Expectation()
    {
        var sum = 0.0;
        for (var z = 0; z < _re.Length; z++)
        {
            sum += ((_re[z] * _re[z]) + (_im[z] * _im[z])) * _diagonal[z];
        }

        return sum;
    }

    /// <summary>The probability of basis state <paramref name="index"/>.</summary>
    public double Probability(int index) => (_re[index] * _re[index]) + (_im[index] * _im[index]);

    /// <summary>The spins of basis state <paramref name="index"/> (bit i set = -1).</summary>
    public sbyte[] Spins(int index)
    {
        var spins = new sbyte[QubitCount];
        for (var i = 0; i < spins.Length; i++)
        {
            spins[i] = ((index >> i) & 1) == 1 ? (sbyte)-1 : (sbyte)1;
        }

        return spins;
    }

    /// <summary>Draws <paramref name="shots"/> basis-state indices from the current distribution, seeded.</summary>
    public int[] Measure(int shots, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var cumulative = new double[_re.Length];
        var total = 0.0;
        for (var z = 0; z < cumulative.Length; z++)
        {
            total += Probability(z);
            cumulative[z] = total;
        }

        var rng = new Xoshiro256(Xoshiro256.ReadSeed(seed, int.MaxValue));
        var result = new int[shots];
        for (var k = 0; k < shots; k++)
        {
            var index = Array.BinarySearch(cumulative, rng.NextDouble() * total);
            result[k] = Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
        }

        return result;
    }

    private void ApplyPhase(double gamma)
    {
        if (_re.Length >= ParallelThreshold)
        {
            Parallel.For(0, Environment.ProcessorCount, part => PhaseRange(gamma, Slice(part).Start, Slice(part).End));
        }
        else
        {
            PhaseRange(gamma, 0, _re.Length);
        }
    }

    private void PhaseRange(double gamma, int start, int end)
    {
        for (var z = start; z < end; z++)
        {
            var (sin, cos) = Math.SinCos(-gamma * _diagonal[z]);
            var re = _re[z];
            var im = _im[z];
            _re[z] = (re * cos) - (im * sin);
            _im[z] = (re * sin) + (im * cos);
        }
    }

    private void ApplyRx(int qubit, double beta)
    {
        // exp(-i beta X) = [[cos b, -i sin b], [-i sin b, cos b]] on the pair (bit 0, bit 1)
        var (sin, cos) = Math.SinCos(beta);
        var half = _re.Length >> 1;
        if (_re.Length >= ParallelThreshold)
        {
            Parallel.For(0, Environment.ProcessorCount, part =>
            {
                var (start, end) = (part * half / Environment.ProcessorCount, (part + 1) * half / Environment.ProcessorCount);
                RxRange(qubit, cos, sin, start, end);
            });
        }
        else
        {
            RxRange(qubit, cos, sin, 0, half);
        }
    }

    private void RxRange(int qubit, double cos, double sin, int start, int end)
    {
        var bit = 1 << qubit;
        var low = bit - 1;
        for (var k = start; k < end; k++)
        {
            // k enumerates indices with the qubit's bit removed; insert a 0 there
            var a = ((k & ~low) << 1) | (k & low);
            var b = a | bit;
            var ar = _re[a];
            var ai = _im[a];
            var br = _re[b];
            var bi = _im[b];
            _re[a] = (cos * ar) + (sin * bi);
            _im[a] = (cos * ai) - (sin * br);
            _re[b] = (cos * br) + (sin * ai);
            _im[b] = (cos * bi) - (sin * ar);
        }
    }

    private (int Start, int End) Slice(int part) =>
        (part * _re.Length / Environment.ProcessorCount, (part + 1) * _re.Length / Environment.ProcessorCount);

    private static double[] Diagonal(BinaryQuadraticModel ising)
    {
        var n = ising.VariableCount;
        var diagonal = new double[1 << n];
        var system = new SpinSystem(ising);
        var spins = new sbyte[n];
        Array.Fill(spins, (sbyte)1);
        system.Load(spins);
        diagonal[0] = system.Energy;
        for (var step = 1; step < diagonal.Length; step++)
        {
            system.Flip(System.Numerics.BitOperations.TrailingZeroCount(step));
            diagonal[step ^ (step >> 1)] = system.Energy;
        }

        return diagonal;
    }
}
