using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qaoa.Circuits;

namespace Quanet.Optimization.Tests.Qaoa.Circuits;

public sealed class QaoaCircuitTests
{
    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(5, 2, 2)]
    [InlineData(6, 3, 3)]
    [InlineData(8, 2, 4)]
    public void Gate_by_gate_state_equals_the_qaoa_state_vector_amplitude_by_amplitude(int n, int p, int seed)
    {
        var model = GateModels.RandomQubo(n, seed, density: 0.6);
        var (gammas, betas) = GateModels.RandomAngles(p, seed);
        var reference = new QaoaStateVector(model);
        reference.Prepare(gammas, betas);

        var simulator = new CircuitStateVector(n);
        simulator.Run(QaoaCircuit.Build(model, gammas, betas));

        // the circuit leaves out the offset: the reference carries the extra global phase exp(-i offset sum gamma), undone here
        var (sin, cos) = Math.SinCos(model.ToIsing().Offset * gammas.Sum());
        for (var z = 0; z < 1 << n; z++)
        {
            var re = (reference.Real[z] * cos) - (reference.Imaginary[z] * sin);
            var im = (reference.Imaginary[z] * cos) + (reference.Real[z] * sin);
            Assert.Equal(re, simulator.Real[z], 10);
            Assert.Equal(im, simulator.Imaginary[z], 10);
        }
    }

    [Fact]
    public void Each_coupling_costs_two_cnots_per_layer_and_rounds_of_disjoint_pairs_keep_the_depth_low()
    {
        var model = GateModels.RandomQubo(8, 5, density: 1.0); // complete graph K8: 28 couplings, 7 rounds of 4 pairs
        var (gammas, betas) = GateModels.RandomAngles(3, 5);

        var circuit = QaoaCircuit.Build(model, gammas, betas);

        Assert.Equal(2 * 28 * 3, circuit.TwoQubitGateCount);
        Assert.Equal(0, circuit.SwapCount);
        // a greedy colouring of K8 needs at least 7 rounds of 2 CNOT layers; it must stay far below 28 sequential couplings
        Assert.InRange(circuit.TwoQubitDepth, 3 * 2 * 7, 3 * 2 * 14);
    }

    [Fact]
    public void Depth_counts_a_swap_as_three_cnot_layers()
    {
        var circuit = new QuantumCircuit(3);
        circuit.Add(Gate.Hadamard(0));
        circuit.Add(Gate.SwapOf(0, 1));
        circuit.Add(Gate.Cnot(1, 2));
        circuit.Add(Gate.RotationZ(2, 0.5));

        Assert.Equal(1 + 3 + 1 + 1, circuit.Depth);
        Assert.Equal(4, circuit.TwoQubitDepth);
        Assert.Equal(4, circuit.TwoQubitGateCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => circuit.Add(Gate.Cnot(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => circuit.Add(Gate.Hadamard(3)));
    }

    [Fact]
    public void Pauli_y_maps_zero_to_i_one()
    {
        var state = new CircuitStateVector(1);

        state.Pauli(0, 2);

        Assert.Equal(0.0, state.Real[1]);
        Assert.Equal(1.0, state.Imaginary[1]);
        Assert.Equal(0.0, state.Real[0]);
    }
}
