using System.CommandLine;
using System.Text.Json;
using Quanet.Cli.Commands.Ops;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Tests;

public sealed class OpsNabCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "quanet-cli-nab-" + Guid.NewGuid().ToString("N"));

    public OpsNabCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data", "demo"));
        Directory.CreateDirectory(Path.Combine(_root, "labels"));
        var lines = new List<string> { "timestamp,value" };
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < 200; i++)
        {
            var value = i == 150 ? 80.0 : 10 + (i % 7);
            lines.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{value}");
        }

        File.WriteAllLines(Path.Combine(_root, "data", "demo", "one.csv"), lines);
        File.WriteAllText(Path.Combine(_root, "labels", "combined_windows.json"),
            $$"""{ "demo/one.csv": [["{{start.AddMinutes(5 * 140):yyyy-MM-dd HH:mm:ss}}.000000", "{{start.AddMinutes(5 * 160):yyyy-MM-dd HH:mm:ss}}.000000"]] }""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Json_prints_the_three_profile_scores()
    {
        var (code, output, err) = await RunAsync("nab", _root, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        using var document = JsonDocument.Parse(output);
        // The spike at row 150 opens the window's only anomaly: the default detector finds it early in the window
        // with no false positive, so every profile scores near the perfect 100 (values of this deterministic detector)
        Assert.Equal(93.79, document.RootElement.GetProperty("standard").GetDouble(), 2);
        Assert.Equal(93.79, document.RootElement.GetProperty("reward_low_FP_rate").GetDouble(), 2);
        Assert.Equal(95.86, document.RootElement.GetProperty("reward_low_FN_rate").GetDouble(), 2);
        Assert.Equal("quanet", document.RootElement.GetProperty("detector").GetString());
    }

    [Fact]
    public async Task Null_detector_scores_zero()
    {
        var (code, output, _) = await RunAsync("nab", _root, "--detector", "null", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(0.0, document.RootElement.GetProperty("standard").GetDouble());
        Assert.Equal(0.0, document.RootElement.GetProperty("reward_low_FN_rate").GetDouble());
    }

    [Fact]
    public async Task Table_lists_every_profile()
    {
        var (code, output, _) = await RunAsync("nab", _root, "--detector", "windowed-gaussian");

        Assert.Equal(0, code);
        Assert.Contains("reward_low_FP_rate", output, StringComparison.Ordinal);
        Assert.Contains("threshold", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_folder_is_one_error_line_and_exit_1()
    {
        var (code, _, err) = await RunAsync("nab", Path.Combine(_root, "missing"));

        Assert.Equal(1, code);
        Assert.StartsWith("error: NAB folder not found:", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Malformed_csv_names_file_and_line()
    {
        var path = Path.Combine(_root, "data", "demo", "one.csv");
        var lines = File.ReadAllLines(path);
        lines[9] = "2024-01-01 00:40:00";
        File.WriteAllLines(path, lines);

        var (code, _, err) = await RunAsync("nab", _root, "--json");

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {path}:10: expected 2 comma-separated fields", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_labels_json_is_reported_with_the_file()
    {
        var path = Path.Combine(_root, "labels", "combined_windows.json");
        File.WriteAllText(path, "{ \"demo/one.csv\": [[ }");

        var (code, _, err) = await RunAsync("nab", _root);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {path}:1: malformed JSON", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_detector_is_a_usage_error()
    {
        var (code, _, err) = await RunAsync("nab", _root, "--detector", "htm");

        Assert.Equal(2, code);
        Assert.Contains("htm", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_as_quanet_ops_nab()
    {
        var (code, output, _) = await CliHarness.RunAsync("ops", "nab", _root, "--detector", "null", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(0.0, document.RootElement.GetProperty("reward_low_FP_rate").GetDouble());
    }

    // Hosts the command in its own root so these tests do not depend on the rest of `quanet ops`.
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { OpsNabCommand.Create() };
        root.Options.Add(CommonOptions.Verbose);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            return (2, output.ToString(), error.ToString());
        }

        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
