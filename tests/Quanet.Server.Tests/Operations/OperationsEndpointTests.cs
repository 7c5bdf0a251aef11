using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Operations;

public sealed class OperationsEndpointTests
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task VES_needs_an_operator_key_by_Bearer_or_Basic_and_answers_202_after_commit()
    {
        await using var harness = await ServerHarness.StartAsync();
        var (crash, _, _, _) = VesFaults.DuCrash();
        using var anonymous = harness.Client();
        using var viewer = harness.Client(Roles.Viewer);
        using var basic = harness.Client();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + harness.Secret(Roles.Operator))));
        using var wrongUser = harness.Client();
        wrongUser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + harness.Secret(Roles.Operator))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("eventListener/v7", Json(crash))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("eventListener/v7", Json(crash))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongUser.PostAsync("eventListener/v7", Json(crash))).StatusCode);
        var accepted = await basic.PostAsync("eventListener/v7/eventBatch", Json(crash));
        var single = await basic.PostAsync("eventListener/v7/eventBatch", Json(VesFaults.DuCrash().Late));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True((await accepted.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>() > 1);
        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
        Assert.Contains("the eventBatch resource expects 'eventList'", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alarms_list_get_acknowledge_and_clear_as_the_calling_key()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var viewer = harness.Client(Roles.Viewer);
        var (crash, _, _, du) = VesFaults.DuCrash();
        await operatorClient.PostAsync("eventListener/v7", Json(crash));

        var list = await viewer.GetFromJsonAsync<JsonObject>($"api/v1/alarms?objectInstance={du}");
        var id = list!["alarms"]![0]!["alarmId"]!.GetValue<long>();
        var one = await viewer.GetFromJsonAsync<JsonObject>($"api/v1/alarms/{id}");
        var refused = await viewer.PostAsync($"api/v1/alarms/{id}/acknowledge", null);
        var acked = await operatorClient.PostAsync($"api/v1/alarms/{id}/acknowledge", null);
        var cleared = await operatorClient.PostAsync($"api/v1/alarms/{id}/clear", null);
        var missing = await viewer.GetAsync("api/v1/alarms/999999");
        var badSeverity = await viewer.GetAsync("api/v1/alarms?severity=loud");

        Assert.Equal(1, list["count"]!.GetValue<int>());
        Assert.Equal(du, one!["objectInstance"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var ack = (await acked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("ACKNOWLEDGED", "operator"), (ack["ackState"]!.GetValue<string>(), ack["ackUserId"]!.GetValue<string>()));
        Assert.Equal("CLEARED", (await cleared.Content.ReadFromJsonAsync<JsonObject>())!["perceivedSeverity"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSeverity.StatusCode);
        Assert.Contains("severity 'loud' is not one of", await badSeverity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_shows_root_cause_evidence_and_runbook_which_an_operator_approves_and_a_viewer_may_not()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var viewer = harness.Client(Roles.Viewer);
        var (crash, late, later, du) = VesFaults.DuCrash();
        await operatorClient.PostAsync("eventListener/v7", Json(crash));
        await operatorClient.PostAsync("eventListener/v7", Json(late));
        await operatorClient.PostAsync("eventListener/v7", Json(later));

        var open = await viewer.GetFromJsonAsync<JsonObject>("api/v1/incidents?state=open");
        var incident = open!["incidents"]!.AsArray().First(i => i!["rootCause"]!.GetValue<string>() == du)!;
        var id = incident["id"]!.GetValue<long>();
        var detail = await viewer.GetFromJsonAsync<JsonObject>($"api/v1/incidents/{id}");
        var refused = await viewer.PostAsync($"api/v1/incidents/{id}/runbook/approve", null);
        var approved = await operatorClient.PostAsync($"api/v1/incidents/{id}/runbook/approve", null);
        var runs = await viewer.GetFromJsonAsync<JsonObject>("api/v1/runbook-runs");
        var rollback = await operatorClient.PostAsync($"api/v1/incidents/{id}/runbook/rollback", null);
        var missing = await viewer.GetAsync("api/v1/incidents/999999");
        var badState = await viewer.GetAsync("api/v1/incidents?state=sideways");

        Assert.Equal("duSoftwareCrash", detail!["type"]!.GetValue<string>());
        Assert.All(detail["alarms"]!.AsArray(), a => Assert.False(string.IsNullOrEmpty(a!["explanation"]!.GetValue<string>())));
        Assert.True(detail["alarms"]!.AsArray().Count > 1, "the evidence alarms are listed");
        Assert.Equal("restart-du", detail["decision"]!["runbook"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        Assert.Equal(du, (await approved.Content.ReadFromJsonAsync<JsonObject>())!["target"]!.GetValue<string>());
        Assert.Equal(id, runs!["runs"]![0]!["incidentId"]!.GetValue<long>());
        // a restart changes no configuration: there is nothing to roll back, and the answer says so
        Assert.Equal(HttpStatusCode.Conflict, rollback.StatusCode);
        Assert.Contains("no configuration change", await rollback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }
}
