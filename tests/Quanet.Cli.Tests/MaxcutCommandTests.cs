using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class MaxcutCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-maxcut-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("tabu")]
    [InlineData("sa")]
    [InlineData("sb")]
    [InlineData("exact")]
    public async Task Json_holds_cut_seconds_and_solver(string solver)
    {
        // Petersen graph: maximum cut 12 of its 15 edges
        var file = Path.Combine(_directory, "petersen.txt");
        File.WriteAllText(file, "10 15\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n1 6 1\n2 7 1\n3 8 1\n4 9 1\n5 10 1\n6 8 1\n8 10 1\n10 7 1\n7 9 1\n9 6 1\n");

        var (code, output, _) = await CliHarness.RunAsync("maxcut", file, "--solver", solver, "--time", "1", "--target", "12", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(12.0, json.RootElement.GetProperty("cut").GetDouble());
        var seconds = json.RootElement.GetProperty("seconds").GetDouble();
        Assert.True(seconds > 0, $"seconds {seconds}");
        Assert.InRange(json.RootElement.GetProperty("time_to_best").GetDouble(), 0, seconds);
        Assert.Equal(solver, json.RootElement.GetProperty("solver").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("partition").GetArrayLength());
    }

    [Fact]
    public async Task A_table_written_to_a_file_or_pipe_is_not_wrapped_at_80_columns()
    {
        var file = Path.Combine(_directory, "a-graph-file-with-a-name-long-enough-to-push-its-table-row-past-eighty.txt");
        File.WriteAllText(file, "3 2\n1 2 1\n2 3 1\n");

        var (code, output, error) = await CliHarness.RunAsync("maxcut", file, "--solver", "exact", "--time", "1");

        Assert.True(code == 0, error);
        Assert.Contains($"{Path.GetFileName(file)}: 3 nodes, 2 edges, total weight 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_are_reported_together_before_any_work()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, "2 1\n1 2 1\n");

        var (code, output, error) = await CliHarness.RunAsync("maxcut", file, "--time", "-1", "--solver", "magic", "--target", "NaN");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: --time must be >= 0 (got -1)", error, StringComparison.Ordinal);
        Assert.Contains("error: unknown solver 'magic' for --solver (known: sa, pt, tabu, sb, exact, qaoa)", error, StringComparison.Ordinal);
        Assert.Contains("error: --target must be a finite cut weight (got NaN)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_max_cut_solver()
    {
        var (code, output, _) = await CliHarness.RunAsync("maxcut", "--help");

        Assert.Equal(0, code);
        Assert.All(Workflows.Solvers.SolverCatalogue.MaxCut.Names, n => Assert.Contains(n + " (", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_file_is_a_usage_error_naming_the_file()
    {
        var missing = Path.Combine(_directory, "none.txt");

        var (code, _, error) = await CliHarness.RunAsync("maxcut", missing);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: file not found: {missing}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_declaring_two_billion_vertices_is_refused_at_once_naming_the_limit()
    {
        // issue #16: this header alone used to take 3.4 GB before --time could stop anything
        var file = Path.Combine(_directory, "big.txt");
        File.WriteAllText(file, "2000000000 1\n1 2 1\n");

        var (code, _, error) = await CliHarness.RunAsync("maxcut", file, "--time", "1");

        Assert.Equal(1, code);
        Assert.Equal($"error: {file}:1: 2000000000 vertices is over the limit of 4194304 (FormatLimits.MaxVariables)", error.Trim());
    }

    [Fact]
    public async Task Escape_sequence_in_the_file_is_not_echoed_raw()
    {
        var file = Path.Combine(_directory, "e.txt");
        File.WriteAllText(file, "5 6\n1 2 \u001b[2J\n");

        var (code, _, error) = await CliHarness.RunAsync("maxcut", file);

        Assert.Equal(1, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("found '\\x1B[2J'", error, StringComparison.Ordinal);
    }
}
