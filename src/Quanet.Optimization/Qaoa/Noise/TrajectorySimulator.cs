using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa.Noise;

/// <summary>
/// Noisy state-vector simulation by quantum trajectories (Pauli-twirled Monte Carlo wave functions): each
/// trajectory runs the circuit and, after every gate, inserts a random Pauli with the gate's error probability
/// (<see cref="DepolarizingNoise"/>); the estimate is the mean over trajectories of the exact expected energy of
/// each final state, which converges to Tr(rho H) of the depolarised density matrix. Trajectory t draws from
/// its own seeded stream, so results do not depend on the thread count.
/// </summary>
public static class TrajectorySimulator
{
    /// <summary>
    /// Expected energy of <paramref name="model"/> after the routed circuit (simulated on the physical qubits it
    /// touches; logical qubit i is read on <see cref="RoutedCircuit.FinalLayout"/>[i]).
    /// </summary>
    public static NoisyEstimate ExpectedEnergy(RoutedCircuit routed, BinaryQuadraticModel model, DepolarizingNoise noise, int trajectories, int seed)
    {
        ArgumentNullException.ThrowIfNull(routed);
        ArgumentNullException.ThrowIfNull(model);
        var (compact, active) = RoutingValidator.ActiveQubits(routed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(active.Length, CircuitStateVector.MaxQubits, nameof(routed));
        var circuit = new QuantumCircuit(active.Length);
        foreach (var gate in routed.Circuit.Gates)
        {
            circuit.Add(gate.Relabel(compact));
        }

        var readout = routed.FinalLayout.Select(p => compact[p]).ToArray();
        return ExpectedEnergy(circuit, Diagonal(model, readout, active.Length), noise, trajectories, seed);
    }

    /// <summary>Expected energy of <paramref name="model"/> after a logical circuit (qubit i = variable i).</summary>
    public static NoisyEstimate ExpectedEnergy(QuantumCircuit logical, BinaryQuadraticModel model, DepolarizingNoise noise, int trajectories, int seed)
    {
        ArgumentNullException.ThrowIfNull(logical);
        ArgumentNullException.ThrowIfNull(model);
        var readout = Enumerable.Range(0, model.VariableCount).ToArray();
        return ExpectedEnergy(logical, Diagonal(model, readout, logical.QubitCount), noise, trajectories, seed);
    }

    /// <summary>Expected value of a diagonal observable (one value per basis state of the circuit's qubits).</summary>
    public static NoisyEstimate ExpectedEnergy(QuantumCircuit circuit, double[] diagonal, DepolarizingNoise noise, int trajectories, int seed)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(diagonal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trajectories);
        if (!noise.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "error probabilities must lie in [0, 1]");
        }

        var noiseless = noise.OneQubit == 0.0 && noise.TwoQubit == 0.0;
        var count = noiseless ? 1 : trajectories;
        var values = new double[count];
        Parallel.For(0, count, () => new CircuitStateVector(circuit.QubitCount), (t, _, state) =>
        {
            var rng = new Xoshiro256(Xoshiro256.ReadSeed(seed, t));
            state.Reset();
            foreach (var gate in circuit.Gates)
            {
                Run(state, gate, noise, ref rng);
            }

            values[t] = state.Expectation(diagonal);
            return state;
        }, _ => { });
        var mean = values.Sum() / count;
        var variance = count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (count - 1) : 0.0;
        return new NoisyEstimate(mean, Math.Sqrt(variance / count), noiseless ? trajectories : count);
    }

    /// <summary>
    /// The model's energy on every basis state of <paramref name="qubits"/> qubits, reading variable i from
    /// qubit <paramref name="readout"/>[i] (bit set = spin -1 = binary 1); other qubits do not matter.
    /// </summary>
    internal static double[] Diagonal(BinaryQuadraticModel model, int[] readout, int qubits)
    {
        var logical = new QaoaStateVector(model).CostDiagonal;
        var diagonal = new double[1 << qubits];
        for (var y = 0; y < diagonal.Length; y++)
        {
            var x = 0;
            for (var i = 0; i < readout.Length; i++)
            {
                x |= ((y >> readout[i]) & 1) << i;
            }

            diagonal[y] = logical[x];
        }

        return diagonal;
    }

    private static void Run(CircuitStateVector state, Gate gate, DepolarizingNoise noise, ref Xoshiro256 rng)
    {
        if (gate.Kind == GateKind.Swap)
        {
            Run(state, Gate.Cnot(gate.Qubit, gate.Target), noise, ref rng);
            Run(state, Gate.Cnot(gate.Target, gate.Qubit), noise, ref rng);
            Run(state, Gate.Cnot(gate.Qubit, gate.Target), noise, ref rng);
            return;
        }

        state.Apply(gate);
        if (gate.IsTwoQubit)
        {
            if (noise.TwoQubit > 0.0 && rng.NextDouble() < noise.TwoQubit)
            {
                var k = 1 + rng.NextInt(15);
                state.Pauli(gate.Qubit, k & 3);
                state.Pauli(gate.Target, k >> 2);
            }
        }
        else if (noise.OneQubit > 0.0 && rng.NextDouble() < noise.OneQubit)
        {
            state.Pauli(gate.Qubit, 1 + rng.NextInt(3));
        }
    }
}
