using System.Text.Json.Nodes;

namespace Quanet.Cli.Tests;

public sealed class OpsCommandTests
{
    private const string Fault = """{"event":{"commonEventHeader":{"domain":"fault","eventId":"f1","eventName":"Fault_LinkDown","lastEpochMicrosec":1700000000000000,"priority":"High","reportingEntityName":"CORE/core","sequence":1,"sourceName":"CORE/core","startEpochMicrosec":1700000000000000,"version":"4.1","vesEventListenerVersion":"7.2.1"},"faultFields":{"alarmCondition":"LINK_DOWN","alarmInterfaceA":"L1","eventSeverity":"CRITICAL","eventSourceType":"router","faultFieldsVersion":"4.0","specificProblem":"LOS","vfStatus":"Active"}}}""";

    [Fact]
    public async Task Simulate_prints_one_json_document_with_the_measured_figures()
    {
        var (code, output, err) = await CliHarness.RunAsync("ops", "simulate", "--hours", "6", "--sites", "12", "--seed", "2", "--faults", "fibre_cut=4,du_crash=4", "--json");

        Assert.True(code == 0, err);
        var json = JsonNode.Parse(output)!.AsObject();
        foreach (var key in new[] { "alarms", "incidents", "alarm_compression", "root_cause_accuracy", "mttr_minutes", "field_visits" })
        {
            Assert.True(json.ContainsKey(key), key);
        }

        Assert.True(json["mttr_minutes"]!.AsObject().ContainsKey("baseline"));
        Assert.True(json["field_visits"]!.AsObject().ContainsKey("quanet"));
    }

    [Fact]
    public async Task Simulate_rejects_an_unknown_fault_kind_as_usage_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "simulate", "--faults", "meteor=2");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --faults: unknown fault kind 'meteor'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_names_the_valid_fault_kinds_in_one_usage_line()
    {
        var (code, output, err) = await CliHarness.RunAsync("ops", "simulate", "--faults", "bogus=3");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "error: --faults: unknown fault kind 'bogus' (known: fibre_cut, power_loss, du_crash, misconfiguration, congestion, kpi_degradation)",
            err.Split('\n')[0].TrimEnd());
        Assert.DoesNotContain("Parameter", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("800")]
    public async Task Simulate_refuses_hours_outside_a_month(string hours)
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "simulate", "--hours", hours);

        Assert.Equal(2, code);
        Assert.StartsWith("error: --hours must be in (0, 744]", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("png")]
    [InlineData("noise")]
    public async Task Replay_of_a_file_with_no_valid_event_exits_1_after_printing_the_counts(string kind)
    {
        var file = Path.Combine(Path.GetTempPath(), $"quanet-{kind}-{Guid.NewGuid():N}.ndjson");
        try
        {
            var noise = new byte[8192];
            new Random(11).NextBytes(noise);
            File.WriteAllBytes(file, kind switch
            {
                "empty" => [],
                "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
                _ => noise,
            });

            var (code, output, err) = await CliHarness.RunAsync("ops", "replay", file, "--sites", "4");

            Assert.Equal(1, code);
            Assert.Contains(" events accepted", output, StringComparison.Ordinal);
            Assert.Contains("0 events accepted", output, StringComparison.Ordinal);
            Assert.Contains($"error: {Path.GetFileName(file)}: no VES event accepted (", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2", 0)]
    public async Task Replay_fails_when_more_lines_are_rejected_than_max_rejected(string maxRejected, int expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, [Fault, "{\"event\":{}}", "\u0089PNG"]);

            var (code, output, err) = await CliHarness.RunAsync("ops", "replay", file, "--sites", "4", "--max-rejected", maxRejected, "--json");

            Assert.Equal(expected, code);
            var json = JsonNode.Parse(output)!.AsObject();
            Assert.Equal(1, json["accepted"]!.GetValue<long>());
            Assert.Equal(2, json["rejected"]!.GetValue<long>());
            Assert.Equal(expected == 1, err.Contains($"error: {Path.GetFileName(file)}: 2 lines rejected, more than the 1 allowed", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Replay_refuses_a_negative_max_rejected()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "replay", "x.ndjson", "--max-rejected=-1");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --max-rejected must be at least 0", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ingests_good_lines_reports_bad_ones_and_prints_incidents()
    {
        var file = Path.GetTempFileName();
        var inventory = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, [Fault, "{\"event\":{}}", ""]);
            File.WriteAllText(inventory, """{"sites":[{"id":"CORE","role":"core"},{"id":"S01","role":"cell"}],"links":[{"id":"L1","from":"CORE","to":"S01","length_km":4}]}""");

            var (code, output, err) = await CliHarness.RunAsync("ops", "replay", file, "--inventory", inventory, "--json");

            Assert.True(code == 0, err);
            var json = JsonNode.Parse(output)!.AsObject();
            Assert.Equal(1, json["accepted"]!.GetValue<long>());
            Assert.Equal(1, json["rejected"]!.GetValue<int>());
            Assert.Contains(":2: event.commonEventHeader: required object missing", err, StringComparison.Ordinal);
            Assert.Equal("fibre_cut", json["incidents"]![0]!["type"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
            File.Delete(inventory);
        }
    }

    [Fact]
    public async Task Replay_of_a_missing_file_is_a_domain_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "replay", "/no/such/file.ndjson");

        Assert.Equal(1, code);
        Assert.StartsWith("error: file not found", err, StringComparison.Ordinal);
    }
}
