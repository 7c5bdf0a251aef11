using Microsoft.Playwright;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Xunit.Abstractions;

namespace Quanet.Console.Tests;

/// <summary>The plans view against the plan job endpoints (POST /api/v1/plans, its events, its artifacts).</summary>
public sealed class ConsolePlanTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_planner_runs_the_default_plan_watches_its_progress_and_sees_it_on_the_map()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Planner);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Plans" }).ClickAsync();

        // an empty form submits {}: the embedded default scenario
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Run plan" }).ClickAsync();

        var status = harness.Page.Locator("#job-status");
        await Assertions.Expect(status).ToContainTextAsync("running", new() { Timeout = 60_000 });
        await Assertions.Expect(harness.Page.Locator("#job-figures")).ToContainTextAsync("Incumbent");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("plan-progress")}");
        await Assertions.Expect(status).ToContainTextAsync("succeeded", new() { Timeout = 180_000 });
        await Assertions.Expect(harness.Page.Locator("#job-compare")).ToContainTextAsync("Sites60");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("plan-done")}");

        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Show on map" }).ClickAsync();
        await Assertions.Expect(harness.Page.Locator("path.site-marker")).ToHaveCountAsync(60);
    }

    [BrowserFact]
    public async Task The_comparison_table_lists_every_solver()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Planner);
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Plans" }).ClickAsync();

        await harness.Page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync("DE");
        await harness.Page.GetByLabel("Region (admin1 code)").FillAsync("09");
        await harness.Page.GetByRole(AriaRole.Spinbutton, new() { Name = "Sites" }).FillAsync("5");
        await harness.Page.GetByLabel("Solver").SelectOptionAsync("compare");
        await harness.Page.GetByLabel("Time limit (s)").FillAsync("3");
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Run plan" }).ClickAsync();

        await Assertions.Expect(harness.Page.Locator("#job-status")).ToContainTextAsync("succeeded", new() { Timeout = 180_000 });
        var table = harness.Page.GetByRole(AriaRole.Table, new() { Name = "Solver comparison" });
        await Assertions.Expect(table).ToContainTextAsync("cpsat");
        await Assertions.Expect(table).ToContainTextAsync("heuristic");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(harness.Page.Locator("#job-compare")).ToContainTextAsync("Covered");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("plan-compare")}");
    }

    [BrowserFact]
    public async Task A_viewer_can_open_a_finished_plan_from_the_server()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);
        using var accepted = await planner.PostAsync("/api/v1/plans", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var id = System.Text.Json.Nodes.JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["id"]!.ToString();
        for (var i = 0; i < 180; i++)
        {
            var job = System.Text.Json.Nodes.JsonNode.Parse(await planner.GetStringAsync($"/api/v1/plans/{id}"))!;
            if ((string?)job["status"] is "succeeded" or "failed" or "cancelled")
            {
                break;
            }

            await Task.Delay(1000);
        }

        await harness.SignInAsync(Roles.Viewer);
        await harness.Page.GetByLabel("Plan", new() { Exact = true }).SelectOptionAsync(id);

        await Assertions.Expect(harness.Page.Locator("path.site-marker")).ToHaveCountAsync(60);
    }
}
