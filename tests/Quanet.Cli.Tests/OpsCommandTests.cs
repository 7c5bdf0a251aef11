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
        Assert.StartsWith("error: unknown fault kind 'meteor'", err, StringComparison.Ordinal);
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
