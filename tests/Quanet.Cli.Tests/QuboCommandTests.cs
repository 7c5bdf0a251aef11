using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class QuboCommandTests : IDisposable
{
    // 5-cycle plus a chord (weights 1, chord 2): the maximum cut is 5, Ising ground energy -5
    private const string Graph = "5 6\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n1 3 2\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-qubo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("tabu")]
    [InlineData("sb")]
    [InlineData("exact")]
    [InlineData("qaoa")]
    public async Task Solve_prints_one_json_document_with_the_ground_energy(string solver)
    {
        var file = Write("g.txt", Graph);

        var (code, output, error) = await CliHarness.RunAsync("qubo", "solve", file, "--solver", solver, "--json", "--seed", "3");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(-5.0, json.RootElement.GetProperty("energy").GetDouble());
        Assert.Equal(solver, json.RootElement.GetProperty("solver").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("state").EnumerateObject().Count());
    }

    [Fact]
    public async Task Solve_with_cpsat_above_the_enumeration_limit_reports_a_proven_optimum()
    {
        // a 30-node path: bipartite, every edge cut, Ising energy -29
        var path = "30 29\n" + string.Concat(Enumerable.Range(1, 29).Select(i => $"{i} {i + 1} 1\n"));
        var file = Write("path.txt", path);

        var (code, output, _) = await CliHarness.RunAsync("qubo", "solve", file, "--solver", "exact", "--time", "60", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(-29.0, json.RootElement.GetProperty("energy").GetDouble());
        Assert.True(json.RootElement.GetProperty("proven_optimal").GetBoolean());
        Assert.Equal("cpsat", json.RootElement.GetProperty("sampler").GetString());
    }

    [Fact]
    public async Task Convert_round_trips_through_dimod_json()
    {
        var file = Write("g.txt", Graph);
        var converted = Path.Combine(_directory, "g.json");

        var (code, output, _) = await CliHarness.RunAsync("qubo", "convert", file, converted);
        var (solveCode, solved, _) = await CliHarness.RunAsync("qubo", "solve", converted, "--solver", "exact", "--json");

        Assert.Equal(0, code);
        Assert.Contains("6 interactions", output, StringComparison.Ordinal);
        Assert.Equal(0, solveCode);
        using var json = JsonDocument.Parse(solved);
        Assert.Equal(-5.0, json.RootElement.GetProperty("energy").GetDouble());
    }

    [Fact]
    public async Task Qaoa_export_writes_a_braket_openqasm_program()
    {
        var file = Write("g.txt", Graph);
        var program = Path.Combine(_directory, "circuit.json");

        var (code, _, _) = await CliHarness.RunAsync("qubo", "qaoa", file, program, "--depth", "1");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(program));
        Assert.Equal("braket.ir.openqasm.program", json.RootElement.GetProperty("braketSchemaHeader").GetProperty("name").GetString());
        Assert.StartsWith("OPENQASM 3.0;", json.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_solver_is_a_usage_error()
    {
        var file = Write("g.txt", Graph);

        var (code, _, error) = await CliHarness.RunAsync("qubo", "solve", file, "--solver", "magic");

        Assert.Equal(2, code);
        Assert.Contains("unknown solver 'magic' for --solver (known: sa, pt, tabu, sb, exact, qaoa)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_of_solve_are_reported_together()
    {
        var file = Write("g.model", Graph);

        var (code, output, error) = await CliHarness.RunAsync("qubo", "solve", file, "--solver", "magic", "--reads", "-1", "--time", "-2");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: unknown solver 'magic' for --solver", error, StringComparison.Ordinal);
        Assert.Contains("error: --reads must be at least 0 (got -1)", error, StringComparison.Ordinal);
        Assert.Contains("error: --time must be >= 0 (got -2)", error, StringComparison.Ordinal);
        Assert.Contains("cannot tell the model format of", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_of_qaoa_and_convert_name_the_option()
    {
        var file = Write("g.txt", Graph);

        var qaoa = await CliHarness.RunAsync("qubo", "qaoa", file, Path.Combine(_directory, "c.qasm"), "--depth", "0", "--format", "xml");
        var convert = await CliHarness.RunAsync("qubo", "convert", Path.Combine(_directory, "none.txt"), Path.Combine(_directory, "out.xyz"));

        Assert.Equal(2, qaoa.Code);
        Assert.Contains("error: --depth must be at least 1 (got 0)", qaoa.Err, StringComparison.Ordinal);
        Assert.Contains("error: --format must be one of gset, mqlib, dimod, coo, qbsolv, lp, braket (got 'xml')", qaoa.Err, StringComparison.Ordinal);
        Assert.Equal(2, convert.Code);
        Assert.Contains("error: file not found: ", convert.Err, StringComparison.Ordinal);
        Assert.Contains("cannot tell the model format of", convert.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_of_solve_lists_every_qubo_solver()
    {
        var (code, output, _) = await CliHarness.RunAsync("qubo", "solve", "--help");

        Assert.Equal(0, code);
        Assert.All(Workflows.Solvers.SolverCatalogue.Qubo.Names, n => Assert.Contains(n + " (", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_file_is_one_error_line_naming_file_and_line()
    {
        var file = Write("bad.txt", "3 1\n1 9 1\n");

        var (code, _, error) = await CliHarness.RunAsync("qubo", "solve", file);

        Assert.Equal(1, code);
        Assert.Contains("bad.txt:2:", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
