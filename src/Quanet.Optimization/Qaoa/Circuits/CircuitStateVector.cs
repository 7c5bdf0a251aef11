namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>
/// Gate-by-gate state-vector simulator for <see cref="QuantumCircuit"/>s (qubit q = bit q of the index,
/// |1&gt; = bit set). Amplitudes are separate real and imaginary arrays of 2^n doubles.
/// </summary>
public sealed partial class CircuitStateVector
{
    /// <summary>The largest number of qubits accepted (2^24 amplitudes = 256 MiB).</summary>
    public const int MaxQubits = 24;

    private readonly double[] _re;
    private readonly double[] _im;

    /// <summary>A simulator on <paramref name="qubitCount"/> qubits, in |0...0&gt;.</summary>
    public CircuitStateVector(int qubitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubitCount, MaxQubits);
        QubitCount = qubitCount;
        _re = new double[1 << qubitCount];
        _im = new double[1 << qubitCount];
        Reset();
    }

    /// <summary>Number of qubits.</summary>
    public int QubitCount { get; }

    /// <summary>Real parts of the amplitudes.</summary>
    public ReadOnlySpan<double> Real => _re;

    /// <summary>Imaginary parts of the amplitudes.</summary>
    public ReadOnlySpan<double> Imaginary => _im;

    internal double[] RealArray => _re;

    internal double[] ImaginaryArray => _im;

    /// <summary>Back to |0...0&gt;.</summary>
    public void Reset()
    {
        Array.Clear(_re);
        Array.Clear(_im);
        _re[0] = 1.0;
    }

    /// <summary>Runs every gate of <paramref name="circuit"/> on the current state.</summary>
    public void Run(QuantumCircuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(circuit.QubitCount, QubitCount);
        foreach (var gate in circuit.Gates)
        {
            Apply(gate);
        }
    }

    /// <summary>Applies one gate.</summary>
    public void Apply(Gate gate)
    {
        switch (gate.Kind)
        {
            case GateKind.H:
                Hadamard(gate.Qubit);
                break;
            case GateKind.Rx:
                Rx(gate.Qubit, gate.Angle);
                break;
            case GateKind.Rz:
                Rz(gate.Qubit, gate.Angle);
                break;
            case GateKind.Cx:
                Cx(gate.Qubit, gate.Target);
                break;
            case GateKind.Swap:
                Cx(gate.Qubit, gate.Target);
                Cx(gate.Target, gate.Qubit);
                Cx(gate.Qubit, gate.Target);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gate), gate.Kind, "unknown gate");
        }
    }

    /// <summary>The expectation of a diagonal observable given by its value on every basis state.</summary>
    public double Expectation(ReadOnlySpan<double> diagonal)
    {
        var sum = 0.0;
        for (var z = 0; z < _re.Length; z++)
        {
            sum += ((_re[z] * _re[z]) + (_im[z] * _im[z])) * diagonal[z];
        }

        return sum;
    }
}
