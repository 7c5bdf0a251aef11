using System.Text.Json;
using Quanet.Testing;

namespace Quanet.Cli.Tests;

public sealed class OpsDetectCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quanet-cli-detect-" + Guid.NewGuid().ToString("N"));

    public OpsDetectCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Example => SharedBenchmarks.Example(Path.Combine("kpi", "cell-traffic.csv"));

    [Fact]
    public async Task Prints_one_ndjson_line_per_anomaly_of_the_example()
    {
        var (code, output, err) = await CliHarness.RunAsync("ops", "detect", Example, "--time-column", "time", "--series-column", "cell_kpi", "--value-column", "value");

        Assert.Equal(0, code);
        var anomalies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // the example's outage of cell-102 (Friday 28 June from 17:00) and configuration change of cell-103 (Sunday 30 June from 10:00)
        var outage = anomalies.First(a => a.GetProperty("series").GetString() == "cell-102/dl_traffic_gb");
        Assert.Equal("2024-06-28T17:00:00Z", outage.GetProperty("time").GetString());
        Assert.True(outage.GetProperty("score").GetDouble() >= 0.5);
        var shift = anomalies.First(a => a.GetProperty("series").GetString() == "cell-103/dl_traffic_gb");
        Assert.StartsWith("2024-06-30T1", shift.GetProperty("time").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(anomalies, a => a.GetProperty("series").GetString() == "cell-101/dl_traffic_gb");
        Assert.StartsWith("1,728 values of 3 series (0 missing)", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_one_error_line_naming_file_and_line_and_exit_1()
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, "time,series,value\n2024-01-01T00:00:00Z,a,1\n2024-01-01T01:00:00Z,a,one\n");

        var (code, _, err) = await CliHarness.RunAsync("ops", "detect", path);

        Assert.Equal(1, code);
        Assert.Equal($"error: {path}:3: bad value 'one' in column 'value', expected a finite number (an empty field or NaN is a missing value)", err.Trim());
    }

    [Fact]
    public async Task A_missing_column_names_the_option()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "detect", Example, "--series-column", "cell");

        Assert.Equal(1, code);
        Assert.Contains("no column 'cell' in the header (name it with --series-column)", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--threshold", "1.5", "--threshold must be in [0, 1]")]
    [InlineData("--detector", "htm", "htm")]
    [InlineData("--format", "xml", "xml")]
    public async Task Usage_errors_exit_2(string option, string value, string expected)
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "detect", Example, option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "detect", Path.Combine(_dir, "none.csv"));

        Assert.Equal(2, code);
        Assert.Contains("file not found", err, StringComparison.Ordinal);
    }
}
