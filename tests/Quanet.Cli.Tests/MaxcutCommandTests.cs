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
    public async Task Negative_time_is_a_usage_error()
    {
        var file = Path.Combine(_directory, "g.txt");
        File.WriteAllText(file, "2 1\n1 2 1\n");

        var (code, _, error) = await CliHarness.RunAsync("maxcut", file, "--time", "-1");

        Assert.Equal(2, code);
        Assert.Contains("--time", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_a_domain_failure()
    {
        var (code, _, error) = await CliHarness.RunAsync("maxcut", Path.Combine(_directory, "none.txt"));

        Assert.Equal(1, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }
}
