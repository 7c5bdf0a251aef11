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

    [Theory]
    [InlineData("ccx $0, $1, $2;", "routed.qasm:1: unsupported statement 'ccx' (expected h, rx, rz, cx or a measurement)")]
    [InlineData("h $200;", "routed.qasm:1: expected an index below 127, got '200'")]
    [InlineData("rz(abc) $1;", "routed.qasm:1: expected an angle in radians, got 'abc'")]
    [InlineData("h $1", "routed.qasm:1: expected ';' at the end of the statement")]
    public void Rejects_statements_outside_the_subset_with_file_and_line(string line, string message)
    {
        var error = Assert.Throws<InputFormatException>(() => PhysicalOpenQasm.Parse(line, 127, "routed.qasm"));

        Assert.Equal(message, error.Message);
    }
}
