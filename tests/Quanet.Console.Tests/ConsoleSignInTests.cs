using Microsoft.Playwright;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Xunit.Abstractions;

namespace Quanet.Console.Tests;

public sealed class ConsoleSignInTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Signs_in_with_an_api_key_and_shows_the_callers_name_and_roles()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.Page.GotoAsync("/");
        await harness.Page.GetByLabel("API key").WaitForAsync();
        output.WriteLine($"screenshot: {await harness.ScreenshotAsync("sign-in")}");

        await harness.SignInAsync(Roles.Planner);

        Assert.Equal("planner", await harness.Page.Locator("#who-name").TextContentAsync());
        Assert.Equal("viewer, planner", await harness.Page.Locator("#who-roles").TextContentAsync());
        Assert.Equal(harness.Secret(Roles.Planner), await harness.Page.EvaluateAsync<string>("sessionStorage.getItem('quanet.apiKey')"));
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Plans" }).ClickAsync();
        Assert.True(await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Run plan" }).IsVisibleAsync());
        Assert.DoesNotContain(harness.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task A_viewer_sees_no_plan_form()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);

        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Plans" }).ClickAsync();

        Assert.True(await harness.Page.GetByRole(AriaRole.Heading, new() { Name = "Progress" }).IsVisibleAsync());
        Assert.False(await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Run plan" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task A_wrong_key_is_refused_with_one_clear_line_and_nothing_is_kept()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.Page.GotoAsync("/");

        await harness.Page.GetByLabel("API key").FillAsync("qnk_not-a-key");
        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(harness.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That key was not accepted.");
        Assert.Null(await harness.Page.EvaluateAsync<string?>("sessionStorage.getItem('quanet.apiKey')"));
        Assert.False(await harness.Page.Locator("#nav").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Signing_out_forgets_the_key()
    {
        await using var harness = await ConsoleHarness.StartAsync();
        await harness.SignInAsync(Roles.Viewer);

        await harness.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await Assertions.Expect(harness.Page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Null(await harness.Page.EvaluateAsync<string?>("sessionStorage.getItem('quanet.apiKey')"));
    }
}
