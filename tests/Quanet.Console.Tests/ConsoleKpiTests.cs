using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Xunit.Abstractions;

namespace Quanet.Console.Tests;

/// <summary>The NOC view's KPI anomalies and an incident's KPI evidence, from real VES measurement events.</summary>
public sealed class ConsoleKpiTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_viewer_sees_the_kpi_anomalies_newest_first_and_the_kpi_evidence_of_the_degradation_incident()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        var (days, cell) = OperateEvents.KpiDrop();
        foreach (var day in days)
        {
            using var posted = await operatorClient.PostAsync("/eventListener/v7/eventBatch", new StringContent(day, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var open = await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/incidents?state=open");
        var id = open!["incidents"]!.AsArray().First(i => (string?)i!["rootCause"] == cell)!["id"]!.GetValue<long>();
        var newest = (await operatorClient.GetFromJsonAsync<JsonObject>("/api/v1/kpi/anomalies?limit=1"))!["anomalies"]![0]!;
        var series = $"{cell}/cell-1/dl_volume";

        await harness.SignInAsync(Roles.Viewer);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "NOC" }).ClickAsync();
        var list = harness.Page.GetByRole(AriaRole.Table, new() { Name = "KPI anomalies" });
        await Assertions.Expect(list).ToContainTextAsync(series);
        await Assertions.Expect(harness.Page.Locator("#kpi-status")).ToContainTextAsync("newest first");
        var firstRow = list.Locator("tbody tr").First;
        await Assertions.Expect(firstRow.Locator("td").Nth(2)).ToHaveTextAsync(newest["score"]!.GetValue<double>().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await list.Locator("tbody tr").CountAsync() >= 3);

        // the cell is still degraded: its kpi_degradation incident is open, with the anomalies as its KPI evidence
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = $"Incident {id}", Exact = true }).ClickAsync();
        var detail = harness.Page.Locator("#noc-detail");
        await Assertions.Expect(detail).ToContainTextAsync("kpiDegradation");
        var evidence = detail.GetByRole(AriaRole.Table, new() { Name = "KPI evidence" });
        await Assertions.Expect(evidence).ToContainTextAsync(series);
        var anomalies = (await operatorClient.GetFromJsonAsync<JsonObject>($"/api/v1/kpi/anomalies?source={cell}"))!["count"]!.GetValue<int>();
        await Assertions.Expect(evidence.Locator("tbody tr")).ToHaveCountAsync(anomalies);

        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("noc-kpi")}");
    }
}
