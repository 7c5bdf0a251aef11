using Quanet.Optimization.Qaoa.Circuits;

namespace Quanet.Optimization.Qaoa.Noise;

/// <summary>
/// Exact noisy simulation with a density matrix, for cross-checking <see cref="TrajectorySimulator"/> on up to
/// <see cref="MaxQubits"/> qubits. rho is stored vectorised as a 2n-qubit vector (index r + 2^n c); a gate U acts
/// as U on the row qubits and conj(U) on the column qubits, and each depolarising channel is the weighted sum of
/// its Pauli conjugations, exactly as <see cref="DepolarizingNoise"/> defines it.
/// </summary>
public static class DensityMatrixSimulator
{
    /// <summary>The largest number of qubits accepted (4^10 complex entries = 16 MiB).</summary>
    public const int MaxQubits = 10;

    /// <summary>Tr(rho D) after <paramref name="circuit"/> with noise, D given by its diagonal.</summary>
    public static double ExpectedValue(QuantumCircuit circuit, ReadOnlySpan<double> diagonal, DepolarizingNoise noise)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var n = circuit.QubitCount;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxQubits, nameof(circuit));
        var rho = new CircuitStateVector(2 * n);
        var scratch = new CircuitStateVector(2 * n);
        foreach (var gate in circuit.Gates)
        {
            if (gate.Kind == GateKind.Swap)
            {
                Step(rho, scratch, Gate.Cnot(gate.Qubit, gate.Target), n, noise);
                Step(rho, scratch, Gate.Cnot(gate.Target, gate.Qubit), n, noise);
                Step(rho, scratch, Gate.Cnot(gate.Qubit, gate.Target), n, noise);
            }
            else
            {
                Step(rho, scratch, gate, n, noise);
            }
        }

        var value = 0.0;
        for (var r = 0; r < 1 << n; r++)
        {
            value += rho.Real[r + (r << n)] * diagonal[r];
        }

        return value;
    }

    private static void Step(CircuitStateVector rho, CircuitStateVector scratch, Gate gate, int n, DepolarizingNoise noise)
    {
        rho.Apply(gate);
        rho.Apply(Conjugate(gate, n));
        if (gate.IsTwoQubit)
        {
            Depolarise(rho, scratch, [gate.Qubit, gate.Target], n, noise.TwoQubit);
        }
        else
        {
            Depolarise(rho, scratch, [gate.Qubit], n, noise.OneQubit);
        }
    }

    // the gate on the column qubits: conj(RX(t)) = RX(-t), conj(RZ(t)) = RZ(-t); H, CX, SWAP are real
    private static Gate Conjugate(Gate gate, int n) =>
        gate with { Qubit = gate.Qubit + n, Target = gate.Target < 0 ? -1 : gate.Target + n, Angle = -gate.Angle };

    private static void Depolarise(CircuitStateVector rho, CircuitStateVector scratch, int[] qubits, int n, double p)
    {
        if (p == 0.0)
        {
            return;
        }

        var terms = (1 << (2 * qubits.Length)) - 1;
        var original = (rho.RealArray.ToArray(), rho.ImaginaryArray.ToArray());
        Scale(rho, 1.0 - p);
        for (var k = 1; k <= terms; k++)
        {
            Array.Copy(original.Item1, scratch.RealArray, original.Item1.Length);
            Array.Copy(original.Item2, scratch.ImaginaryArray, original.Item2.Length);
            var sign = 1.0;
            for (var i = 0; i < qubits.Length; i++)
            {
                var pauli = (k >> (2 * i)) & 3;
                scratch.Pauli(qubits[i], pauli);
                scratch.Pauli(qubits[i] + n, pauli);
                sign *= pauli == 2 ? -1.0 : 1.0; // conj(Y) = -Y
            }

            var weight = sign * p / terms;
            for (var z = 0; z < scratch.RealArray.Length; z++)
            {
                rho.RealArray[z] += weight * scratch.RealArray[z];
                rho.ImaginaryArray[z] += weight * scratch.ImaginaryArray[z];
            }
        }
    }

    private static void Scale(CircuitStateVector state, double factor)
    {
        for (var z = 0; z < state.RealArray.Length; z++)
        {
            state.RealArray[z] *= factor;
            state.ImaginaryArray[z] *= factor;
        }
    }
}
