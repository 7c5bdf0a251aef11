using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Operations.Ingestion;
using Quanet.Server.Security;
using Quanet.Testing.Kpi;

namespace Quanet.Server.Tests.Operations;

public sealed class KpiEndpointTests
{

    [Fact]
    public async Task A_kpi_drop_posted_as_VES_measurements_is_listed_with_its_evidence_to_a_viewer_and_hidden_from_anonymous_callers()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var viewer = harness.Client(Roles.Viewer);
        using var anonymous = harness.Client();
        var source = VesFaults.Network.Elements[0].Id;
        var other = VesFaults.Network.Elements[1].Id;

        // three weeks of hourly cell traffic with a daily busy hour; hours 470-475 drop to a fifth on one source
        foreach (var day in Enumerable.Range(0, 21))
        {
            var events = Enumerable.Range(day * 24, 24).SelectMany(h => new[] { Measurement(source, h, h is >= 470 and < 476 ? 0.2 : 1.0), Measurement(other, h, 1.0) });
            var posted = await operatorClient.PostAsync("eventListener/v7/eventBatch", new StringContent(VesEventWriter.ToBatchJson(events), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        JsonObject? list = null;
        var deadline = DateTime.UtcNow.AddSeconds(30); // the engine scores a batch after its commit
        while (DateTime.UtcNow < deadline && (list is null || list["count"]!.GetValue<int>() == 0))
        {
            list = await viewer.GetFromJsonAsync<JsonObject>($"api/v1/kpi/anomalies?source={source}");
            await Task.Delay(100);
        }

        var drop = ((CellTraffic.Monday + (470 * 3600L)) * 1_000_000L).ToString(CultureInfo.InvariantCulture);
        var anomalies = list!["anomalies"]!.AsArray();
        var first = Assert.Single(anomalies, a => a!["time"]!.GetValue<string>() == drop)!;
        Assert.Equal($"{source}/cell-1/dl_volume", first["series"]!.GetValue<string>());
        Assert.True(first["expected"]!.GetValue<double>() > 3 * first["value"]!.GetValue<double>());
        Assert.All(anomalies, a => Assert.StartsWith(source + "/", a!["series"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(0, (await viewer.GetFromJsonAsync<JsonObject>($"api/v1/kpi/anomalies?source={other}"))!["count"]!.GetValue<int>());
        Assert.Equal(1, (await viewer.GetFromJsonAsync<JsonObject>($"api/v1/kpi/anomalies?source={source}&limit=1"))!["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("api/v1/kpi/anomalies?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/kpi/anomalies")).StatusCode);
    }

    [Fact]
    public async Task A_cell_drop_without_alarms_becomes_a_kpi_degradation_incident_and_the_notices_outlive_a_restart()
    {
        await using var harness = await ServerHarness.StartAsync();
        var cell = VesFaults.Network.Elements.First(e => e.Kind == Quanet.Operations.Inventory.ElementKind.RadioUnit).Id;
        using (var operatorClient = harness.Client(Roles.Operator))
        {
            foreach (var day in Enumerable.Range(0, 21))
            {
                var events = Enumerable.Range(day * 24, 24).Select(h => Measurement(cell, h, h is >= 470 and < 476 ? 0.2 : 1.0));
                var posted = await operatorClient.PostAsync("eventListener/v7/eventBatch", new StringContent(VesEventWriter.ToBatchJson(events), Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }
        }

        JsonObject before;
        JsonObject incident;
        using (var viewer = harness.Client(Roles.Viewer))
        {
            // an accepted event is committed with its notices and seen by the correlator before the 202
            before = (await viewer.GetFromJsonAsync<JsonObject>("api/v1/kpi/anomalies"))!;
            Assert.True(before["count"]!.GetValue<int>() >= 3, before.ToJsonString());
            var times = before["anomalies"]!.AsArray().Select(a => long.Parse(a!["time"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(times.OrderDescending(), times);

            var incidents = (await viewer.GetFromJsonAsync<JsonObject>("api/v1/incidents"))!["incidents"]!.AsArray();
            incident = Assert.Single(incidents, i => (string?)i!["rootCause"] == cell)!.AsObject();
            Assert.Equal("kpiDegradation", incident["type"]!.GetValue<string>());
            var evidence = incident["kpiEvidence"]!.AsArray();
            Assert.True(evidence.Count >= 3, incident.ToJsonString());
            var first = evidence[0]!;
            Assert.Equal($"{cell}/cell-1/dl_volume", first["series"]!.GetValue<string>());
            Assert.True(first["expected"]!.GetValue<double>() > 3 * first["value"]!.GetValue<double>());
            Assert.True(first["score"]!.GetValue<double>() >= 0.5);
            var one = (await viewer.GetFromJsonAsync<JsonObject>($"api/v1/incidents/{incident["id"]}"))!;
            Assert.Equal(evidence.Count, one["kpiEvidence"]!.AsArray().Count);
        }

        await harness.RestartAsync();
        using var afterViewer = harness.Client(Roles.Viewer);
        using var anonymous = harness.Client();
        var after = (await afterViewer.GetFromJsonAsync<JsonObject>("api/v1/kpi/anomalies"))!;
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/kpi/anomalies")).StatusCode);
    }

    private static VesEvent Measurement(string source, int hour, double factor) => CellTraffic.Event(source, hour, factor, $"m-{source}-{hour}");
}
