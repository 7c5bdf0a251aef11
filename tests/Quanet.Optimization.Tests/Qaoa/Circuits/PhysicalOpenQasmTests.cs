using Quanet.Core;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Routing;

namespace Quanet.Optimization.Tests.Qaoa.Circuits;

public sealed class PhysicalOpenQasmTests
{
    [Fact]
    public void Exported_eagle_program_reads_back_as_the_routed_gates_on_coupled_pairs()
    {
        var model = GateModels.RandomQubo(10, 3, density: 0.5);
        var (gammas, betas) = GateModels.RandomAngles(2, 3);
        var map = CouplingMap.Eagle127();
        var logical = QaoaCircuit.Build(model, gammas, betas);
        var routed = SabreRouter.Route(logical, map, seed: 1);
        Assert.Empty(RoutingValidator.Problems(logical, routed, map));

        var text = PhysicalOpenQasm.Write(routed, map.Name);
        var (circuit, readout) = PhysicalOpenQasm.Parse(text, map.QubitCount, "routed.qasm");

        var expanded = routed.Circuit.Gates.SelectMany(g => g.Kind == GateKind.Swap
            ? new[] { Gate.Cnot(g.Qubit, g.Target), Gate.Cnot(g.Target, g.Qubit), Gate.Cnot(g.Qubit, g.Target) }
            : [g]).ToList();
        Assert.Equal(expanded, circuit.Gates);
        Assert.All(circuit.Gates.Where(g => g.IsTwoQubit), g => Assert.True(map.AreCoupled(g.Qubit, g.Target)));
        Assert.Equal(routed.FinalLayout, readout);
        Assert.Equal(routed.TwoQubitGateCount, circuit.TwoQubitGateCount);
        Assert.StartsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ibm_basis_program_prepares_the_same_state_up_to_a_global_phase()
    {
        var model = GateModels.RandomQubo(6, 9, density: 0.6);
        var (gammas, betas) = GateModels.RandomAngles(2, 9);
        var map = CouplingMap.HeavyHex(2, 5);
        var routed = SabreRouter.Route(QaoaCircuit.Build(model, gammas, betas), map, seed: 2);

        var text = PhysicalOpenQasm.Write(routed, map.Name, QasmBasis.Ibm);
        var (circuit, _) = PhysicalOpenQasm.Parse(text, map.QubitCount, "ibm.qasm");

        Assert.DoesNotContain("\nh ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrx(", text, StringComparison.Ordinal);
        var expected = new CircuitStateVector(map.QubitCount);
        expected.Run(routed.Circuit);
        var actual = new CircuitStateVector(map.QubitCount);
        actual.Run(circuit);
        var (re, im) = (0.0, 0.0);
        for (var z = 0; z < 1 << map.QubitCount; z++)
        {
            re += (expected.Real[z] * actual.Real[z]) + (expected.Imaginary[z] * actual.Imaginary[z]);
            im += (expected.Real[z] * actual.Imaginary[z]) - (expected.Imaginary[z] * actual.Real[z]);
        }

        Assert.Equal(1.0, Math.Sqrt((re * re) + (im * im)), 10);
    }

    [Theory]
    [InlineData("ccx $0, $1, $2;", "routed.qasm:1: unsupported statement 'ccx' (expected h, sx, rx, rz, cx or a measurement)")]
    [InlineData("h $200;", "routed.qasm:1: expected an index below 127, got '200'")]
    [InlineData("rz(abc) $1;", "routed.qasm:1: expected an angle in radians, got 'abc'")]
    [InlineData("h $1", "routed.qasm:1: expected ';' at the end of the statement")]
    public void Rejects_statements_outside_the_subset_with_file_and_line(string line, string message)
    {
        var error = Assert.Throws<InputFormatException>(() => PhysicalOpenQasm.Parse(line, 127, "routed.qasm"));

        Assert.Equal(message, error.Message);
    }
}
