using System.Text.Json;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Routing;

namespace Quanet.Cli.Tests;

public sealed class QuboGateCommandTests : IDisposable
{
    // 5-cycle plus a chord (weights 1, chord 2): Ising ground energy -5
    private const string Graph = "5 6\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n1 3 2\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-gate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Json_reports_gates_depth_swaps_and_energies_per_depth_and_the_qasm_uses_eagle_couplers()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, Graph);
        var qasm = Path.Combine(_directory, "routed.qasm");

        var (code, output, error) = await CliHarness.RunAsync("qubo", "gate", file, "--depth", "2", "--noise", "0.001,0.01",
            "--trajectories", "50", "--qasm3", qasm, "--seed", "4", "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("heavy-hex-127", root.GetProperty("map").GetString());
        Assert.Equal(-5.0, root.GetProperty("minimum_energy").GetDouble());
        var depths = root.GetProperty("depths").EnumerateArray().ToList();
        Assert.Equal([1, 2], depths.Select(d => d.GetProperty("p").GetInt32()));
        foreach (var d in depths)
        {
            // six couplings, two CNOTs each per layer; every SWAP adds three
            var p = d.GetProperty("p").GetInt32();
            Assert.Equal(12 * p, d.GetProperty("two_qubit_gates_logical").GetInt32());
            Assert.Equal((12 * p) + (3 * d.GetProperty("swaps").GetInt32()), d.GetProperty("two_qubit_gates").GetInt32());
            Assert.True(d.GetProperty("depth").GetInt32() >= d.GetProperty("depth_logical").GetInt32());
            Assert.Equal(0, d.GetProperty("validator_problems").GetInt32());
            Assert.True(d.GetProperty("noisy_energy").GetDouble() >= -5.0);
            Assert.True(d.GetProperty("noiseless_energy").GetDouble() >= -5.0);
        }

        var eagle = CouplingMap.Eagle127();
        var (circuit, readout) = PhysicalOpenQasm.Parse(File.ReadAllText(qasm), eagle.QubitCount, "routed.qasm");
        Assert.All(circuit.Gates.Where(g => g.IsTwoQubit), g => Assert.True(eagle.AreCoupled(g.Qubit, g.Target)));
        Assert.Equal(depths[^1].GetProperty("two_qubit_gates").GetInt32(), circuit.TwoQubitGateCount);
        Assert.Equal(root.GetProperty("final_layout").EnumerateArray().Select(e => e.GetInt32()), readout);
    }

    [Fact]
    public async Task Table_names_the_map_and_every_depth()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, Graph);

        var qasm = Path.Combine(_directory, "ibm.qasm");

        var (code, output, _) = await CliHarness.RunAsync("qubo", "gate", file, "--route", "grid:3x3", "--depth", "2", "--qasm3", qasm, "--basis", "ibm");

        Assert.Equal(0, code);
        Assert.Contains("\nsx $", File.ReadAllText(qasm), StringComparison.Ordinal);
        Assert.Contains("5 variables on grid:3x3 (9 qubits), minimum energy -5", output, StringComparison.Ordinal);
        Assert.Contains("| 2 | 24 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_values_are_usage_errors_reported_together()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, Graph);

        var (code, output, error) = await CliHarness.RunAsync("qubo", "gate", file, "--route", "torus:3", "--noise", "0.1", "--trajectories", "0", "--basis", "ecr");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("error: --route must be heavy-hex-127, heavy-hex:RxW, grid:RxC or line:N (got 'torus:3')", error, StringComparison.Ordinal);
        Assert.Contains("error: --noise must be two probabilities p1,p2 in [0, 1] (got '0.1')", error, StringComparison.Ordinal);
        Assert.Contains("error: --trajectories must be at least 1 (got 0)", error, StringComparison.Ordinal);
        Assert.Contains("error: --basis must be one of standard, ibm (got 'ecr')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_larger_than_the_map_is_one_line_and_exit_code_one()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, Graph);

        var (code, _, error) = await CliHarness.RunAsync("qubo", "gate", file, "--route", "line:3", "--depth", "1");

        Assert.Equal(1, code);
        Assert.Equal("error: the circuit has 5 qubits but line:3 only 3", error.Trim());
    }
}
