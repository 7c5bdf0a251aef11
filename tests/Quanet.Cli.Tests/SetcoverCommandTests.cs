using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class SetcoverCommandTests
{
    [Fact]
    public async Task Prints_cost_lower_bound_and_optimality_as_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-setcover-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "3 4\n2 3 1 5\n2 1 2\n1 3\n3 2 3 4\n");
        try
        {
            var (code, output, error) = await CliHarness.RunAsync("setcover", path, "--solver", "cpsat", "--time", "5", "--json");

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(3, json.RootElement.GetProperty("cost").GetDouble());
            Assert.Equal(3, json.RootElement.GetProperty("lower_bound").GetDouble());
            Assert.True(json.RootElement.GetProperty("optimal").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Qubo_solver_proves_a_small_instance_instead_of_annealing_for_the_whole_default_minute()
    {
        // 4 rows, 5 columns: columns 2 and 4 (cost 2 + 1) cover every row
        var path = Path.Combine(Path.GetTempPath(), $"quanet-setcover-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "4 5\n1 2 3 1 2\n2 1 2\n2 2 3\n2 3 4\n2 4 5\n");
        try
        {
            var (code, output, error) = await CliHarness.RunAsync("setcover", path, "--solver", "qubo", "--json");

            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(3, json.RootElement.GetProperty("cost").GetDouble());
            Assert.True(json.RootElement.GetProperty("optimal").GetBoolean());
            Assert.Equal(3, json.RootElement.GetProperty("lower_bound").GetDouble());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Malformed_file_gets_one_error_line_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-bad-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "2 2\n1 1\n1 1\n1 3\n");
        try
        {
            var (code, _, error) = await CliHarness.RunAsync("setcover", path);

            Assert.Equal(1, code);
            Assert.Equal($"error: {Path.GetFileName(path)}:4: row 2 names column 3; columns are 1 to 2", error.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Unknown_solver_is_a_usage_error()
    {
        var (code, _, error) = await CliHarness.RunAsync("setcover", "x.txt", "--solver", "gurobi");

        Assert.Equal(2, code);
        Assert.Contains("unknown solver 'gurobi' for --solver (known: cpsat, heuristic, qubo, qubo-hybrid, anneal)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_are_reported_together_before_reading_the_file()
    {
        var (code, output, error) = await CliHarness.RunAsync("setcover", "no-such-file.txt", "--solver", "qaoa", "--time", "0");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var lines = error.Trim().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("error: file not found: ", StringComparison.Ordinal));
        Assert.Contains("error: unknown solver 'qaoa' for --solver (known: cpsat, heuristic, qubo, qubo-hybrid, anneal)", lines);
        Assert.Contains("error: --time must be positive (got 0)", lines);
    }

    [Fact]
    public async Task Help_lists_every_set_cover_solver()
    {
        var (code, output, _) = await CliHarness.RunAsync("setcover", "--help");

        Assert.Equal(0, code);
        Assert.All(Workflows.Solvers.SolverCatalogue.SetCover.Names, n => Assert.Contains(n + " (", output, StringComparison.Ordinal));
    }
}
