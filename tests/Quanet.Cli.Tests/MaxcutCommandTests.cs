using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class MaxcutCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-maxcut-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("tabu")]
    [InlineData("sa")]
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
        Assert.True(json.RootElement.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(solver, json.RootElement.GetProperty("solver").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("partition").GetArrayLength());
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
        Assert.Contains("error: unknown solver 'magic' for --solver (known: sa, pt, tabu, exact, qaoa)", error, StringComparison.Ordinal);
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
}
