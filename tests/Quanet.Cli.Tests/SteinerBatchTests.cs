using System.Text.Json;
using static Quanet.Cli.Tests.PlanFolders;

namespace Quanet.Cli.Tests;

public sealed class SteinerBatchTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepositoryRoot(), "examples", "steiner");

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-steiner-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_folder_gives_one_json_line_per_instance_with_the_known_optima()
    {
        var (code, output, error) = await CliHarness.RunAsync("steiner", Examples, "--json", "--time", "30");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Optima from the PACE 2018 track 1 public set (optima.csv): instance001 503, instance057 353.
        Assert.Equal(2, lines.Length);
        Assert.Equal(("instance001.gr", 503L), Summary(lines[0]));
        Assert.Equal(("instance057.gr", 353L), Summary(lines[1]));
    }

    [Fact]
    public async Task A_bad_file_gives_one_error_line_naming_it_and_the_others_still_run()
    {
        var bad = Path.Combine(_dir, "bad.gr");
        File.WriteAllText(bad, "SECTION Graph\nNodes 3\nEdges 1\nE 1 5 2\nEND\nEOF\n");
        var split = Path.Combine(_dir, "split.gr");
        File.WriteAllText(split, "SECTION Graph\nNodes 4\nEdges 2\nE 1 2 1\nE 3 4 1\nEND\nSECTION Terminals\nTerminals 2\nT 1\nT 4\nEND\nEOF\n");
        var good = Path.Combine(Examples, "instance001.gr");

        var (code, output, error) = await CliHarness.RunAsync("steiner", bad, good, split, "--json", "--time", "30");

        Assert.Equal(1, code);
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Equal($"error: {bad}:4: node 5 is outside 1..3", errors[0]);
        Assert.StartsWith($"error: {split}: infeasible: terminals 1 and 4 are not connected", errors[1], StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(("instance001.gr", 503L), Summary(line));
    }

    [Fact]
    public async Task Without_json_the_batch_is_one_table_row_per_instance()
    {
        var (code, output, _) = await CliHarness.RunAsync("steiner", Path.Combine(Examples, "instance001.gr"), Path.Combine(Examples, "instance057.gr"), "--time", "30");

        Assert.Equal(0, code);
        Assert.Contains("instance001.gr", output, StringComparison.Ordinal);
        Assert.Contains("instance057.gr", output, StringComparison.Ordinal);
        Assert.Contains("503", output, StringComparison.Ordinal);
        Assert.Contains("353", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_instances_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "nothing to solve");

        var (code, output, error) = await CliHarness.RunAsync("steiner", _dir, Path.Combine(Examples, "instance001.gr"), "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: {_dir}: no .stp or .gr instance in this folder", error.Trim());
    }

    /// <summary>The instance name and cost of one JSON line, after checking that the line is one proven, checked result.</summary>
    private static (string Instance, long Cost) Summary(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("optimal").GetBoolean());
        Assert.Equal(root.GetProperty("cost").GetInt64(), root.GetProperty("lower_bound").GetInt64());
        Assert.False(root.GetProperty("interrupted").GetBoolean());
        return (root.GetProperty("instance").GetString()!, root.GetProperty("cost").GetInt64());
    }
}
