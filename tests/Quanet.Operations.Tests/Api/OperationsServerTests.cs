using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Operations.Action;
using Quanet.Operations.Api;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Api;

public sealed class OperationsServerTests
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Ingests_lists_acknowledges_clears_and_correlates_over_http_on_loopback()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            var inventory = TestTopologies.Chain();
            var network = new SimulatedNetwork(new DependencyGraph(inventory));
            network.UpdateTopology();
            await using var engine = new OperationsEngine(inventory, db, network);
            await using var server = await OperationsServer.StartAsync(engine, 0);
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);

            var bad = await http.PostAsync("eventListener/v7", Json(TestEvents.ValidFault.Replace("\"sourceName\":\"A/csr\",", "", StringComparison.Ordinal)));
            var badBody = await bad.Content.ReadAsStringAsync();
            var storm = new List<VesEvent> { TestEvents.Fault("A/csr", AlarmConditions.LinkDown, VesSeverity.Critical, 1_000_000, "L2") };
            foreach (var e in inventory.ElementsAt("B").Concat(inventory.ElementsAt("C")))
            {
                storm.Add(TestEvents.Fault(e.Id, AlarmConditions.NeUnreachable, VesSeverity.Critical, 40_000_000));
            }

            var ok = await http.PostAsync("eventListener/v7/eventBatch", Json(VesEventWriter.ToBatchJson(storm)));
            var alarms = await http.GetFromJsonAsync<JsonObject>("FaultSupervisionMnS/v1/alarms?objectInstance=A/csr");
            var acked = await http.PatchAsync("FaultSupervisionMnS/v1/alarms/1", Json("""{"ackState":"ACKNOWLEDGED","ackUserId":"alice"}"""));
            var cleared = await http.PostAsync("FaultSupervisionMnS/v1/alarms/2/clear", Json("""{"user":"bob"}"""));
            var missing = await http.GetAsync("FaultSupervisionMnS/v1/alarms/999");
            await http.PostAsync("eventListener/v7", Json(VesEventWriter.ToJson(TestEvents.Fault("D/du", "LATE", VesSeverity.Major, 600_000_000))));
            var incidents = await http.GetFromJsonAsync<JsonObject>("incidents");

            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("event.commonEventHeader.sourceName: required field missing", badBody, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
            Assert.Equal(1, alarms!["count"]!.GetValue<int>());
            Assert.Equal("communicationsAlarm", alarms["alarms"]![0]!["alarmType"]!.GetValue<string>());
            Assert.Equal("ACKNOWLEDGED", (await acked.Content.ReadFromJsonAsync<JsonObject>())!["ackState"]!.GetValue<string>());
            Assert.Equal("CLEARED", (await cleared.Content.ReadFromJsonAsync<JsonObject>())!["perceivedSeverity"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var first = incidents!["incidents"]![0]!;
            Assert.Equal("fibre_cut", first["type"]!.GetValue<string>());
            Assert.Equal("L2", first["root_cause"]!.GetValue<string>());
            Assert.True(first["decision"]!["field_visit"]!.GetValue<bool>());
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }

    [Fact]
    public async Task Runs_the_runbook_of_an_incident_and_lists_the_run()
    {
        var db = TestEvents.TempDatabase();
        try
        {
            var inventory = TestTopologies.Chain();
            var network = new SimulatedNetwork(new DependencyGraph(inventory));
            network.UpdateTopology();
            network.CrashedDus.Add("D/du");
            await using var engine = new OperationsEngine(inventory, db, network);
            await using var server = await OperationsServer.StartAsync(engine, 0);
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var crash = new List<VesEvent> { TestEvents.Fault("D/du", AlarmConditions.SoftwareFault, VesSeverity.Critical, 1_000_000) };
            crash.AddRange(inventory.ServedBy("D/du").Select(ru => TestEvents.Fault(ru.Id, AlarmConditions.FronthaulLoss, VesSeverity.Major, 2_000_000)));
            await http.PostAsync("eventListener/v7", Json(VesEventWriter.ToBatchJson(crash)));
            await http.PostAsync("eventListener/v7", Json(VesEventWriter.ToJson(TestEvents.Fault("E/du", "LATE", VesSeverity.Major, 900_000_000))));

            var run = await http.PostAsync("incidents/1/runbook", null);
            var runs = await http.GetFromJsonAsync<JsonObject>("runbook-runs");
            var none = await http.PostAsync("incidents/2/runbook", null);

            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
            Assert.Equal("fixed", (await run.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]!.GetValue<string>());
            Assert.DoesNotContain("D/du", network.CrashedDus);
            Assert.Single(runs!["runs"]!.AsArray());
            Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }
}
