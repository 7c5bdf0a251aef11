using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class SteinerCommandTests : IDisposable
{
    // A 5-node instance: terminals 1, 3, 5; the star through Steiner node 4 (3 + 3 + 3 = 9) beats every path (10+).
    private const string Instance = """
        33D32945 STP File, STP Format Version 1.0
        SECTION Graph
        Nodes 5
        Edges 7
        E 1 2 5
        E 2 3 5
        E 1 4 3
        E 3 4 3
        E 5 4 3
        E 3 5 6
        E 1 5 7
        END
        SECTION Terminals
        Terminals 3
        T 1
        T 3
        T 5
        END
        EOF
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-steiner-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("exact")]
    [InlineData("heuristic")]
    [InlineData("qubo")]
    [InlineData("qubo-hybrid")]
    public async Task Prints_the_checked_optimal_tree_as_json(string solver)
    {
        var file = Write("star.stp", Instance);

        var (code, output, error) = await CliHarness.RunAsync("steiner", file, "--solver", solver, "--json", "--time", "20");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(9, root.GetProperty("cost").GetInt64());
        Assert.Equal(3, root.GetProperty("edges").GetArrayLength());
        Assert.All(root.GetProperty("edges").EnumerateArray(), e => Assert.Contains(4, e.EnumerateArray().Select(x => x.GetInt32())));
        if (solver == "exact")
        {
            Assert.True(root.GetProperty("optimal").GetBoolean());
            Assert.Equal(9, root.GetProperty("lower_bound").GetInt64());
        }
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("on")]
    [InlineData("off")]
    public async Task The_extended_star_option_gives_the_same_checked_optimum(string mode)
    {
        var file = Write("star.stp", Instance);

        var (code, output, error) = await CliHarness.RunAsync("steiner", file, "--extended-star", mode, "--json", "--time", "20");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(9, doc.RootElement.GetProperty("cost").GetInt64());
        Assert.True(doc.RootElement.GetProperty("optimal").GetBoolean());
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("sa")]
    public async Task Qubo_path_without_reductions_reports_variables_and_exports_the_model(string sampler)
    {
        var file = Write("star.stp", Instance);
        var export = Path.Combine(_dir, "star.json");

        var (code, output, error) = await CliHarness.RunAsync(
            "steiner", file, "--solver", "qubo", "--sampler", sampler, "--no-reduce", "--export-qubo", export, "--json", "--time", "10");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var variables = doc.RootElement.GetProperty("qubo_variables").GetInt32();
        Assert.True(variables > 24);
        Assert.Equal(9, doc.RootElement.GetProperty("cost").GetInt64());
        using var model = JsonDocument.Parse(File.ReadAllText(export));
        Assert.Equal(variables, model.RootElement.GetProperty("num_variables").GetInt32());
    }

    [Fact]
    public async Task Qubo_hybrid_without_reductions_reports_the_loop_and_a_checked_tree()
    {
        var file = Write("star.stp", Instance);

        var (code, output, error) = await CliHarness.RunAsync(
            "steiner", file, "--solver", "qubo-hybrid", "--sub-solver", "exact", "--sub-size", "16", "--no-reduce", "--json", "--time", "4", "--seed", "3");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("qubo-hybrid", root.GetProperty("solver").GetString());
        Assert.Equal(9, root.GetProperty("cost").GetInt64());
        Assert.True(root.GetProperty("qubo_variables").GetInt32() > 16);
        var hybrid = root.GetProperty("hybrid");
        Assert.True(hybrid.GetProperty("subproblems").GetInt32() > 0);
        Assert.True(hybrid.GetProperty("mean_sub_size").GetDouble() <= 16);
    }

    [Fact]
    public async Task Malformed_file_fails_with_file_line_and_reason()
    {
        var file = Write("bad.gr", "SECTION Graph\nNodes 3\nEdges 1\nE 1 5 2\nEND\nEOF\n");

        var (code, _, error) = await CliHarness.RunAsync("steiner", file);

        Assert.Equal(1, code);
        Assert.Equal($"error: {file}:4: node 5 is outside 1..3", error.Trim());
    }

    [Fact]
    public async Task Disconnected_terminals_fail_as_infeasible()
    {
        var file = Write("split.gr", "SECTION Graph\nNodes 4\nEdges 2\nE 1 2 1\nE 3 4 1\nEND\nSECTION Terminals\nTerminals 2\nT 1\nT 4\nEND\nEOF\n");

        var (code, _, error) = await CliHarness.RunAsync("steiner", file);

        Assert.Equal(1, code);
        Assert.Contains("infeasible: terminals 1 and 4 are not connected", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_solver_is_a_usage_error()
    {
        var file = Write("star.stp", Instance);

        var (code, _, error) = await CliHarness.RunAsync("steiner", file, "--solver", "magic");

        Assert.Equal(2, code);
        Assert.StartsWith("error: unknown solver 'magic' for --solver (known: exact, heuristic, qubo, qubo-hybrid)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_extended_star_mode_is_a_usage_error()
    {
        var file = Write("star.stp", Instance);

        var (code, output, error) = await CliHarness.RunAsync("steiner", file, "--extended-star", "always");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: --extended-star must be auto, on or off (got 'always')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_are_reported_together()
    {
        var (code, output, error) = await CliHarness.RunAsync("steiner", Path.Combine(_dir, "none.stp"), "--sampler", "pt", "--time", "-1");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: file not found: ", error, StringComparison.Ordinal);
        Assert.Contains("error: unknown solver 'pt' for --sampler (known: exact, sa, tabu)", error, StringComparison.Ordinal);
        Assert.Contains("error: --time must be positive (got -1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_method_and_sampler()
    {
        var (code, output, _) = await CliHarness.RunAsync("steiner", "--help");

        Assert.Equal(0, code);
        Assert.All(Workflows.Solvers.SolverCatalogue.Steiner.Names, n => Assert.Contains(n + " (", output, StringComparison.Ordinal));
        Assert.All(Workflows.Solvers.SolverCatalogue.SteinerQubo.Names, n => Assert.Contains(n + " (", output, StringComparison.Ordinal));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
