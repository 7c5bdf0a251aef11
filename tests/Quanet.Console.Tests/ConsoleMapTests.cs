using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Xunit.Abstractions;

namespace Quanet.Console.Tests;

/// <summary>The map view on a real plan directory (the default scenario with backhaul and security) opened from files.</summary>
public sealed class ConsoleMapTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_plans_sites_appear_on_the_map_over_the_country_outlines()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);

        await OpenDefaultPlanAsync(harness);

        var sites = Features(await PlanAsync(), "site");
        await Assertions.Expect(harness.Page.Locator("path.site-marker")).ToHaveCountAsync(sites.Count);
        await Assertions.Expect(harness.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"{sites.Count} sites covering 6,236,631");
        Assert.Equal(sites.Count, await harness.Page.Locator("#site-list option").CountAsync());
        var zoom = await harness.Page.EvaluateAsync<double>("window.quanetConsole.map().getZoom()");
        Assert.True(zoom >= 6, $"the map fits the plan's region (zoom {zoom})");
        Assert.True(await harness.Page.Locator("path.pop-marker").CountAsync() >= 1);
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("map")}");
        Assert.Empty(harness.PageErrors);
        Assert.DoesNotContain(harness.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Clicking_a_site_shows_its_coverage_population_and_link_budget()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);
        await OpenDefaultPlanAsync(harness);
        var plan = await PlanAsync();
        var site = MostIsolated(Features(plan, "site"));
        var id = (string)site["properties"]!["id"]!;

        await harness.Page.Locator($"path.site-marker[data-site='{id}']").ClickAsync();

        var details = harness.Page.Locator("#details");
        await Assertions.Expect(details).ToContainTextAsync($"Site {id}");
        var population = (double)site["properties"]!["population_covered"]!;
        var radiusKm = (double)site["properties"]!["radius_m"]! / 1000;
        await Assertions.Expect(details).ToContainTextAsync("Population covered" + population.ToString("#,0", CultureInfo.InvariantCulture));
        await Assertions.Expect(details).ToContainTextAsync("Coverage radius" + radiusKm.ToString("0.00", CultureInfo.InvariantCulture) + " km");
        var maxPathLoss = (double)plan["plan"]!["max_path_loss_db"]!;
        await Assertions.Expect(details).ToContainTextAsync("Max path loss (link budget)" + maxPathLoss.ToString("0.0", CultureInfo.InvariantCulture) + " dB");
        await Assertions.Expect(details).ToContainTextAsync("Band800 MHz");
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("site-details")}");
    }

    [BrowserFact]
    public async Task A_site_can_be_chosen_from_the_keyboard_through_the_site_list()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);
        await OpenDefaultPlanAsync(harness);

        await harness.Page.GetByRole(AriaRole.Listbox, new() { Name = "Sites" }).FocusAsync();
        await harness.Page.Keyboard.PressAsync("ArrowDown");

        var first = (string)Features(await PlanAsync(), "site")[0]["properties"]!["id"]!;
        await Assertions.Expect(harness.Page.Locator("#details")).ToContainTextAsync($"Site {first}");
    }

    [BrowserFact]
    public async Task Toggling_a_layer_hides_it_and_shows_it_again()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);
        await OpenDefaultPlanAsync(harness);
        var sites = harness.Page.Locator("path.site-marker");
        var count = await sites.CountAsync();
        var map = harness.Page.Locator("#map");

        var before = await map.ScreenshotAsync();
        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Sites" }).UncheckAsync();
        await Assertions.Expect(sites).ToHaveCountAsync(0);
        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Demand (sized by population)" }).UncheckAsync();
        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Link mode (QKD/PQC)" }).UncheckAsync();
        var without = await map.ScreenshotAsync();
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("layers-off")}");

        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Sites" }).CheckAsync();
        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Demand (sized by population)" }).CheckAsync();
        await harness.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Link mode (QKD/PQC)" }).CheckAsync();
        await Assertions.Expect(sites).ToHaveCountAsync(count);
        var again = await map.ScreenshotAsync();

        Assert.NotEqual(before, without);
        Assert.Equal(before, again);
    }

    internal static async Task OpenDefaultPlanAsync(ConsoleHarness harness)
    {
        await harness.Page.GetByLabel("Open plan files").SetInputFilesAsync(await DefaultPlan.FilesAsync());
        await harness.Page.Locator("path.site-marker").First.WaitForAsync();
    }

    private static async Task<JsonNode> PlanAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(await DefaultPlan.DirectoryAsync(), "plan.geojson")))!;

    private static List<JsonNode> Features(JsonNode plan, string kind) =>
        [.. plan["features"]!.AsArray().Where(f => (string?)f!["properties"]!["kind"] == kind).Select(f => f!)];

    // the site farthest from every other site, so a click at its centre cannot land on a neighbour
    private static JsonNode MostIsolated(List<JsonNode> sites)
    {
        static (double Lon, double Lat) At(JsonNode f) => ((double)f["geometry"]!["coordinates"]![0]!, (double)f["geometry"]!["coordinates"]![1]!);
        return sites.MaxBy(s => sites.Where(o => o != s).Min(o =>
        {
            var (a, b) = (At(s), At(o));
            return Math.Pow(a.Lon - b.Lon, 2) + Math.Pow(a.Lat - b.Lat, 2);
        }))!;
    }
}
