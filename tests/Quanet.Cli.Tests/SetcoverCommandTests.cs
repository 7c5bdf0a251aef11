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
        Assert.Contains("gurobi", error, StringComparison.Ordinal);
    }
}
