using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Defence.Telemetry;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Operations;

public sealed class DefenceEndpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // the scenario of Quanet.Defence's response tests: an intrusion via transit B is isolated at once; one via transit C
    // as well would cut customer traffic, so that isolation waits for an operator
    private static string Telemetry() => string.Join('\n',
        TelemetryFormatter.Format(new CommandEvent(T0, "pe1", "svc", IPAddress.Parse("198.51.100.9"), "show version")),
        TelemetryFormatter.Format(new CommandEvent(T0.AddSeconds(5), "pe2", "svc", IPAddress.Parse("192.0.2.9"), "show version"))) + "\n";

    [Fact]
    public async Task An_isolation_that_would_cut_customers_waits_and_an_operator_approves_it_while_a_viewer_may_not()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var viewer = harness.Client(Roles.Viewer);

        var fed = await operatorClient.PostAsync("api/v1/defence/telemetry/aaa", new StringContent(Telemetry(), Encoding.UTF8, "text/plain"));
        var incidents = await viewer.GetFromJsonAsync<JsonObject>("api/v1/defence/incidents");
        var pending = await viewer.GetFromJsonAsync<JsonObject>("api/v1/defence/isolations?state=pending");
        var id = pending!["isolations"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var refused = await viewer.PostAsync($"api/v1/defence/isolations/{id}/approve", null);
        var approved = await operatorClient.PostAsync($"api/v1/defence/isolations/{id}/approve", null);
        var twice = await operatorClient.PostAsync($"api/v1/defence/isolations/{id}/reject", null);
        var after = await viewer.GetFromJsonAsync<JsonObject>("api/v1/defence/isolations?state=pending");
        var unknown = await operatorClient.PostAsync("api/v1/defence/isolations/nope/approve", null);
        var badKind = await operatorClient.PostAsync("api/v1/defence/telemetry/smoke", new StringContent("x"));

        Assert.Equal(HttpStatusCode.Accepted, fed.StatusCode);
        Assert.Equal(2, incidents!["incidents"]!.AsArray().Count);
        Assert.Equal("ix-transit-c", pending["isolations"]![0]!["interconnect"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Empty(after!["isolations"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }

    [Fact]
    public async Task A_rejected_isolation_leaves_the_pending_list()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        await operatorClient.PostAsync("api/v1/defence/telemetry/aaa", new StringContent(Telemetry(), Encoding.UTF8, "text/plain"));
        var pending = await operatorClient.GetFromJsonAsync<JsonObject>("api/v1/defence/isolations?state=pending");
        var id = pending!["isolations"]![0]!["id"]!.GetValue<string>();

        var rejected = await operatorClient.PostAsync($"api/v1/defence/isolations/{id}/reject", null);
        var listed = await operatorClient.GetFromJsonAsync<JsonObject>("api/v1/defence/isolations?state=rejected");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(id, listed!["isolations"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }
}
