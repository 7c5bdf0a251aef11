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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
