using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class OpsDefenceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-defend-").FullName;

    [Fact]
    public async Task Attack_simulation_prints_the_report_as_json()
    {
        var (code, output, err) = await CliHarness.RunAsync("ops", "simulate", "--attack", "interconnect", "--days", "2", "--attacks-per-kind", "1", "--seed", "4", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("attacks").GetInt32());
        Assert.Equal(4, root.GetProperty("contained").GetInt32());
        Assert.True(root.GetProperty("max_seconds_to_contain").GetDouble() <= 60);
        Assert.Equal(0, root.GetProperty("false_isolations").GetInt32());
        Assert.Equal(0, root.GetProperty("customer_traffic_lost").GetDouble());
    }

    [Fact]
    public async Task Unknown_attack_kind_is_a_usage_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "simulate", "--attack", "aliens");

        Assert.Equal(2, code);
        Assert.Contains("aliens", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defend_reads_telemetry_files_and_isolates_an_intrusion()
    {
        var aaa = Path.Combine(_dir, "aaa.log");
        await File.WriteAllLinesAsync(aaa,
        [
            "2026-01-01T10:00:00Z pe1 user=alice src=198.18.1.20 cmd=\"show running-config\"",
            "not a log line at all",
            "2026-01-01T10:01:00Z pe1 user=svc src=203.0.113.66 cmd=\"show running-config\"",
        ]);

        var (code, output, err) = await CliHarness.RunAsync("ops", "defend", "--aaa", aaa, "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var incident = Assert.Single(doc.RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal("ix-wireline-a", incident.GetProperty("interconnect").GetString());
        Assert.Equal("Isolate", incident.GetProperty("response").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("events").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("rejected").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task Defend_reports_a_broken_rule_file_in_one_line()
    {
        var rules = Path.Combine(_dir, "rules.json");
        await File.WriteAllTextAsync(rules, "{\"rules\":[{\"id\":\"X\",\"kind\":\"nope\",\"explanation\":\"e\"}]}");
        var aaa = Path.Combine(_dir, "aaa.log");
        await File.WriteAllTextAsync(aaa, "");

        var (code, _, err) = await CliHarness.RunAsync("ops", "defend", "--rules", rules, "--aaa", aaa);

        Assert.Equal(1, code);
        Assert.Contains("rules.json: rule 'X': unknown kind 'nope'", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("png")]
    [InlineData("noise")]
    public async Task Defend_fails_on_telemetry_with_no_valid_event_and_still_prints_the_counts(string kind)
    {
        var aaa = Path.Combine(_dir, "aaa.log");
        byte[] content = kind switch
        {
            "empty" => [],
            "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte)'I', (byte)'H', (byte)'D', (byte)'R'],
            _ => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) ^ (i >> 3)))],
        };
        await File.WriteAllBytesAsync(aaa, content);

        var (code, output, err) = await CliHarness.RunAsync("ops", "defend", "--aaa", aaa);

        Assert.Equal(1, code);
        Assert.Contains("0 events read", output, StringComparison.Ordinal);
        Assert.Equal("error: aaa.log: no telemetry event accepted (", err.Trim()[..45]);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("1", 0)]
    public async Task Defend_fails_when_more_lines_are_rejected_than_max_rejected(string maxRejected, int expected)
    {
        var aaa = Path.Combine(_dir, "aaa.log");
        await File.WriteAllLinesAsync(aaa,
        [
            "2026-01-01T10:00:00Z pe1 user=alice src=198.18.1.20 cmd=\"show version\"",
            "not a log line at all",
        ]);

        var (code, output, err) = await CliHarness.RunAsync("ops", "defend", "--aaa", aaa, "--max-rejected", maxRejected, "--json");

        Assert.Equal(expected, code);
        Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("events").GetInt32());
        Assert.Equal(expected == 1, err.Contains("error: aaa.log: 1 lines rejected, more than the 0 allowed", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
