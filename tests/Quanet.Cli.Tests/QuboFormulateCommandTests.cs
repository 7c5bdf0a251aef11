using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class QuboFormulateCommandTests
{
    // 4 rows, 5 columns: columns 2 and 4 (cost 2 + 1) cover every row; each row has two columns, so one slack bit per row
    private const string Instance = "4 5\n1 2 3 1 2\n2 1 2\n2 2 3\n2 3 4\n2 4 5\n";

    [Fact]
    public async Task Setcover_reports_every_formulation_as_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-formulate-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, Instance);
        try
        {
            var (code, output, error) = await CliHarness.RunAsync("qubo", "formulate", "setcover", path, "--reads", "20", "--sweeps", "200", "--time", "5", "--json");

            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(3, root.GetProperty("reference").GetDouble());
            Assert.Equal("cpsat (proven optimal)", root.GetProperty("reference_source").GetString());
            var rows = root.GetProperty("formulations").EnumerateArray().ToDictionary(r => r.GetProperty("formulation").GetString()!);
            Assert.Equal(["slack", "unbalanced", "equality"], rows.Keys);
            Assert.Equal(5, rows["slack"].GetProperty("decision_variables").GetInt32());
            Assert.Equal(4, rows["slack"].GetProperty("slack_variables").GetInt32());
            Assert.Equal(0, rows["unbalanced"].GetProperty("slack_variables").GetInt32());
            // rows {1,2}, {2,3}, {3,4}, {4,5} squared with their slack bit: 3 couplers each; unbalanced: 1 each
            Assert.Equal(12, rows["slack"].GetProperty("couplers").GetInt32());
            Assert.Equal(4, rows["unbalanced"].GetProperty("couplers").GetInt32());
            Assert.Equal(4 / 10.0, rows["unbalanced"].GetProperty("density").GetDouble(), 12);
            Assert.Equal(20, rows["slack"].GetProperty("reads").GetInt32());
            Assert.InRange(rows["slack"].GetProperty("feasible_reads").GetInt32(), 1, 20);
            Assert.True(rows["slack"].GetProperty("best_objective").GetDouble() >= 3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Unknown_formulation_is_a_usage_error()
    {
        var (code, _, error) = await CliHarness.RunAsync("qubo", "formulate", "setcover", "x.txt", "--formulation", "onehot");

        Assert.Equal(2, code);
        Assert.Contains("--formulation must be one of slack, unbalanced, equality, all", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setcover_qubo_solver_takes_the_unbalanced_formulation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quanet-formulate-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, Instance);
        try
        {
            var (code, output, error) = await CliHarness.RunAsync("setcover", path, "--solver", "qubo", "--formulation", "unbalanced", "--time", "2", "--json");

            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.True(json.RootElement.GetProperty("feasible").GetBoolean());
            Assert.Equal(3, json.RootElement.GetProperty("cost").GetDouble());
            // an enumerated unbalanced minimum is not a proof: the formulation can move the minimum
            Assert.False(json.RootElement.GetProperty("optimal").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
