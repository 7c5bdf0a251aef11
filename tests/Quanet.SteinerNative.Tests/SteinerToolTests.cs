using System.Text;
using System.Text.Json;
using Quanet.Optimization.Steiner;
using Quanet.Testing;

namespace Quanet.SteinerNative.Tests;

public sealed class SteinerToolTests
{
    // PACE 2018 track 1 public set (optima.csv): instance001 503, instance057 353, instance171 42
    private static readonly string Instance057 = SharedBenchmarks.Example("steiner/instance057.gr");

    private static (int Code, string Output, string Error) Run(string[] args, string stdin = "", CancellationToken cancellationToken = default)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SteinerTool.Run(args, input, output, error, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_file_is_solved_to_its_optimum_and_written_in_the_PACE_format()
    {
        var (code, output, error) = Run([Instance057, "--time", "30"]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        var (value, cost) = TreeLines.Check(StpReader.ReadFile(Instance057), output);
        Assert.Equal(353, value);
        Assert.Equal(353, cost);
    }

    [Fact]
    public void Standard_input_is_read_when_no_file_is_named()
    {
        var path = SharedBenchmarks.Example("steiner/instance001.gr");
        var (code, output, _) = Run(["--time", "30"], File.ReadAllText(path));

        Assert.Equal(0, code);
        Assert.Equal((503, 503), TreeLines.Check(StpReader.ReadFile(path), output));
    }

    [Fact]
    public void The_JSON_document_has_the_fields_of_quanet_steiner_json()
    {
        var (code, output, _) = Run([Instance057, "--time", "30", "--json"]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("instance057.gr", root.GetProperty("instance").GetString());
        Assert.Equal(353, root.GetProperty("cost").GetInt64());
        Assert.Equal(353, root.GetProperty("lower_bound").GetInt64());
        Assert.True(root.GetProperty("optimal").GetBoolean());
        Assert.False(root.GetProperty("interrupted").GetBoolean());
        Assert.Equal(353, TreeLines.CheckJson(StpReader.ReadFile(Instance057), root));
    }

    [Fact]
    public void A_stopped_solve_writes_the_best_tree_so_far_and_exits_0()
    {
        // nobody proves instance171 in 30 s: a stop after 1 s always comes before the end
        var path = SharedBenchmarks.Example("steiner-open/instance171.gr");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var (code, output, error) = Run([path, "--time", "60", "--json"], cancellationToken: stop.Token);

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("interrupted").GetBoolean());
        Assert.True(root.GetProperty("seconds").GetDouble() < 30);
        var cost = TreeLines.CheckJson(StpReader.ReadFile(path), root);
        Assert.Equal(root.GetProperty("cost").GetInt64(), cost);
        Assert.InRange(cost, 42, 60);
        Assert.InRange(root.GetProperty("lower_bound").GetInt64(), 1, 42);
    }

    [Fact]
    public void The_same_seed_writes_the_same_tree()
    {
        var first = Run([Instance057, "--seed", "7"]);
        var second = Run([Instance057, "--seed", "7"]);

        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public void A_malformed_instance_is_one_error_line_naming_the_line_and_exit_1()
    {
        var (code, output, error) = Run([], "SECTION Graph\nNodes 3\nEdges 1\nE 1 9 1\nEND\n");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("error: stdin:4: node 9 is outside 1..3" + Environment.NewLine, error);
    }

    [Fact]
    public void Usage_errors_are_one_line_each_and_exit_2()
    {
        var (code, output, error) = Run(["no-such-file.gr", "--time", "0", "--solver", "qubo"]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("error: ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "error: file not found: no-such-file.gr");
        Assert.Contains(lines, l => l.Contains("--time must be more than 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'qubo'", StringComparison.Ordinal));

        var folder = Run([Path.GetTempPath()]);
        Assert.Equal(2, folder.Code);
        Assert.Equal($"error: {Path.GetTempPath()} is a folder: give one instance file" + Environment.NewLine, folder.Error);
    }
}
