using System.Text.Json;
using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Cli.Tests;

public sealed class QuboEmbedCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-embed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("chimera:16", 2048)]
    [InlineData("pegasus:16", 5640)]
    [InlineData("zephyr:15", 7440)]
    public async Task Writes_chains_the_validator_accepts_and_prints_statistics(string topology, int targetQubits)
    {
        // Petersen graph as a Gset max-cut file: 10 variables, 15 couplers
        var model = Path.Combine(_directory, "petersen.txt");
        File.WriteAllText(model, "10 15\n1 2 1\n2 3 1\n3 4 1\n4 5 1\n5 1 1\n1 6 1\n2 7 1\n3 8 1\n4 9 1\n5 10 1\n6 8 1\n8 10 1\n10 7 1\n7 9 1\n9 6 1\n");
        var outFile = Path.Combine(_directory, "chains.json");

        var (code, output, error) = await CliHarness.RunAsync("qubo", "embed", model, "--topology", topology, "--out", outFile, "--seed", "4", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("logical_variables").GetInt32());
        Assert.Equal(15, json.RootElement.GetProperty("logical_couplers").GetInt32());
        Assert.Equal(targetQubits, json.RootElement.GetProperty("target_qubits").GetInt32());
        var physical = json.RootElement.GetProperty("physical_qubits").GetInt32();
        Assert.InRange(physical, 10, 200);
        using var file = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal(topology, file.RootElement.GetProperty("topology").GetString());
        var embedding = EmbeddingFile.Read(outFile);
        var logical = QuboFormats.Read(model, QuboFormats.FromPath(model));
        Assert.Equal(logical.Labels, embedding.Labels);
        Assert.Equal(physical, embedding.QubitCount);
        Assert.Empty(EmbeddingValidator.Problems(embedding, logical, HardwareGraph.Parse(topology)));
    }

    [Fact]
    public async Task A_bad_topology_is_a_usage_error()
    {
        var model = Path.Combine(_directory, "g.txt");
        File.WriteAllText(model, "2 1\n1 2 1\n");

        var (code, output, error) = await CliHarness.RunAsync("qubo", "embed", model, "--topology", "hexagon:3", "--out", Path.Combine(_directory, "e.json"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--topology: topology 'hexagon:3' is not understood; expected chimera:M[,N[,T]], pegasus:M[,full] or zephyr:M[,T]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_does_not_fit_fails_with_one_line()
    {
        // K_12 (66 couplers) cannot fit the 8 qubits of one Chimera tile
        var lines = new List<string> { "12 66" };
        for (var i = 1; i <= 12; i++)
        {
            for (var j = i + 1; j <= 12; j++)
            {
                lines.Add($"{i} {j} 1");
            }
        }

        var model = Path.Combine(_directory, "k12.txt");
        File.WriteAllLines(model, lines);

        var (code, output, error) = await CliHarness.RunAsync("qubo", "embed", model, "--topology", "chimera:1", "--out", Path.Combine(_directory, "e.json"));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: cannot embed: the model has 12 variables but chimera:1 has only 8 qubits", error.Trim());
    }
}
