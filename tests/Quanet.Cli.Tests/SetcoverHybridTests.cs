using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class SetcoverHybridTests
{
    [Fact]
    public async Task Qubo_hybrid_prints_cost_feasible_and_where_the_improvement_came_from()
    {
        // 4 rows, 5 columns: columns 2 and 4 (cost 2 + 1) cover every row, the optimum 3
        var path = Path.Combine(Path.GetTempPath(), $"quanet-setcover-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "4 5\n1 2 3 1 2\n2 1 2\n2 2 3\n2 3 4\n2 4 5\n");
        try
        {
            var (code, output, error) = await CliHarness.RunAsync("setcover", path, "--solver", "qubo-hybrid", "--sub-solver", "exact", "--sub-size", "12", "--time", "1", "--json");

            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(3, json.RootElement.GetProperty("cost").GetDouble());
            Assert.True(json.RootElement.GetProperty("feasible").GetBoolean());
            Assert.Equal("qubo-hybrid", json.RootElement.GetProperty("solver").GetString());
            var hybrid = json.RootElement.GetProperty("hybrid");
            Assert.True(hybrid.GetProperty("subproblems").GetInt32() > 0);
            Assert.True(hybrid.GetProperty("mean_sub_size").GetDouble() <= 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("exact", "30", "takes at most 24 variables")]
    [InlineData("annealer", "20", "unknown solver 'annealer'")]
    public async Task Rejects_a_sub_solver_it_cannot_run_as_a_usage_error(string subSolver, string subSize, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-setcover-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "4 5\n1 2 3 1 2\n2 1 2\n2 2 3\n2 3 4\n2 4 5\n");
        try
        {
            var (code, _, error) = await CliHarness.RunAsync("setcover", path, "--solver", "qubo-hybrid", "--sub-solver", subSolver, "--sub-size", subSize);

            Assert.Equal(2, code);
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_work_budget_runs_exactly_that_many_subproblems_and_repeats_its_answer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-setcover-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "4 5\n1 2 3 1 2\n2 1 2\n2 2 3\n2 3 4\n2 4 5\n");
        try
        {
            async Task<(double Cost, int Subproblems, int Accepted)> Run()
            {
                var (code, output, error) = await CliHarness.RunAsync("setcover", path, "--solver", "qubo-hybrid", "--subproblems", "40", "--time", "60", "--seed", "5", "--json");
                Assert.True(code == 0, error);
                using var json = JsonDocument.Parse(output);
                var hybrid = json.RootElement.GetProperty("hybrid");
                return (json.RootElement.GetProperty("cost").GetDouble(), hybrid.GetProperty("subproblems").GetInt32(), hybrid.GetProperty("accepted").GetInt32());
            }

            var first = await Run();
            var second = await Run();

            Assert.Equal(40, first.Subproblems);
            Assert.Equal(first, second);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Rejects_a_work_budget_below_one_as_a_usage_error()
    {
        var (code, _, error) = await CliHarness.RunAsync("setcover", "missing.txt", "--solver", "qubo-hybrid", "--subproblems", "0");

        Assert.Equal(2, code);
        Assert.Contains("--subproblems must be at least 1", error, StringComparison.Ordinal);
    }
}
