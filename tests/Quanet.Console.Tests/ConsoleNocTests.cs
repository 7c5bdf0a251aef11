using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Xunit.Abstractions;

namespace Quanet.Console.Tests;

/// <summary>The NOC and defence views against the operate endpoints (VES collector, incidents, runbooks, isolations).</summary>
public sealed class ConsoleNocTests(ITestOutputHelper output)
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [BrowserFact]
    public async Task An_operator_approves_the_recommended_runbook_and_a_viewer_is_not_offered_it()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        var (batch, late, later, du) = OperateEvents.DuCrash();
        foreach (var (path, body) in new[] { ("/eventListener/v7/eventBatch", batch), ("/eventListener/v7", late), ("/eventListener/v7", later) })
        {
            using var posted = await operatorClient.PostAsync(path, Json(body));
            Assert.True(posted.StatusCode == HttpStatusCode.Accepted, $"VES collector answered {(int)posted.StatusCode} to {path}");
        }

        var open = await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/incidents?state=open");
        var id = open!["incidents"]!.AsArray().First(i => (string?)i!["rootCause"] == du)!["id"]!.GetValue<long>();

        await harness.SignInAsync(Roles.Viewer);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "NOC" }).ClickAsync();
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = $"Incident {id}", Exact = true }).ClickAsync();
        var detail = harness.Page.Locator("#noc-detail");
        await Assertions.Expect(detail).ToContainTextAsync("Root cause");
        await Assertions.Expect(detail).ToContainTextAsync(du);
        await Assertions.Expect(detail).ToContainTextAsync("restart-du");
        await Assertions.Expect(detail.GetByRole(AriaRole.Table, new() { Name = "Evidence alarms" })).ToContainTextAsync("SOFTWARE");
        await Assertions.Expect(detail).ToContainTextAsync("Approving a runbook needs the operator role.");
        Assert.Equal(0, await harness.Page.Locator("#runbook-approve").CountAsync());

        // the viewer's key is refused by the API itself, whatever the page shows
        using var viewer = harness.Client(Roles.Viewer);
        using var refused = await viewer.PostAsync($"/api/v1/incidents/{id}/runbook/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await harness.SignInAsync(Roles.Operator);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "NOC" }).ClickAsync();
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = $"Incident {id}", Exact = true }).ClickAsync();
        await Assertions.Expect(harness.Page.Locator("#runbook-approve")).ToHaveTextAsync("Approve runbook restart-du");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("noc")}");
        await harness.Page.Locator("#runbook-approve").ClickAsync();

        await Assertions.Expect(harness.Page.Locator("#noc-status")).ToContainTextAsync($"Runbook approved for incident {id}: run ");
        await Assertions.Expect(harness.Page.Locator("#noc-status")).ToContainTextAsync($"restart-du on {du}");
        var runs = await viewer.GetFromJsonAsync<JsonObject>("/api/v1/runbook-runs");
        Assert.Equal(id, runs!["runs"]![0]!["incidentId"]!.GetValue<long>());
    }

    [BrowserFact]
    public async Task The_defence_view_lists_incidents_and_an_operator_approves_the_isolation_awaiting_approval()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var fed = await operatorClient.PostAsync("/api/v1/defence/telemetry/aaa", new StringContent(OperateEvents.DefenceTelemetry(), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Accepted, fed.StatusCode);
        var pending = await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/defence/isolations?state=pending");
        var id = pending!["isolations"]!.AsArray().Single()!["id"]!.GetValue<string>();

        await harness.SignInAsync(Roles.Viewer);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Defence" }).ClickAsync();
        await Assertions.Expect(harness.Page.Locator("#defence-status")).ToContainTextAsync("Updated");
        await Assertions.Expect(harness.Page.GetByRole(AriaRole.Table, new() { Name = "Defence incidents" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(harness.Page.GetByRole(AriaRole.Table, new() { Name = "Isolations awaiting approval" })).ToContainTextAsync("ix-transit-c");
        Assert.Equal(0, await harness.Page.GetByRole(AriaRole.Button, new() { Name = $"Approve isolation {id}" }).CountAsync());

        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await harness.SignInAsync(Roles.Operator);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Defence" }).ClickAsync();
        await Assertions.Expect(harness.Page.Locator("#defence-status")).ToContainTextAsync("Updated");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("defence")}");
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = $"Approve isolation {id}" }).ClickAsync();

        await Assertions.Expect(harness.Page.Locator("#defence-status")).ToContainTextAsync($"Isolation {id} approved");
        await Assertions.Expect(harness.Page.Locator("#defence-isolations")).ToContainTextAsync("No isolations awaiting approval.");
        var approved = await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/defence/isolations?state=approved");
        Assert.Equal(id, approved!["isolations"]!.AsArray().Single()!["id"]!.GetValue<string>());
    }
}
