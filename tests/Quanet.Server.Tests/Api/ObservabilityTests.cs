using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Quanet.Server.Security;
using Quanet.Server.Tests.Operations;

namespace Quanet.Server.Tests.Api;

public sealed partial class ObservabilityTests
{
    [Fact]
    public async Task Metrics_are_Prometheus_text_for_callers_with_request_latency_and_the_operations_meter()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        using var anonymous = harness.Client();
        await operatorClient.PostAsync("eventListener/v7", new StringContent(VesFaults.DuCrash().Crash, Encoding.UTF8, "application/json"));
        await operatorClient.GetAsync("api/v1/alarms");

        var refused = await anonymous.GetAsync("metrics");
        var response = await operatorClient.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^quanet_ves_events_total(\{[^}]*\})? [1-9]", RegexOptions.Multiline), text);
        Assert.Contains("quanet_incidents_open", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_checks_that_the_stores_open_and_read()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var anonymous = harness.Client();
        var ready = await anonymous.GetAsync("readyz");

        File.Delete(Path.Combine(harness.Directory, "server.db"));
        var broken = await anonymous.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Equal("not ready: server.db\n", await broken.Content.ReadAsStringAsync());
    }

    // /api-docs is the console's searchable reference (its files under /console/); Scalar's interactive reference,
    // mapped under the same prefix, answers at /api-docs/v1. Scripts resolve against the page's own address, as in a browser.
    [Theory]
    [InlineData("api-docs", "Quanet API reference")]
    [InlineData("api-docs/v1", "scalar")]
    public async Task Api_docs_pages_load_without_credentials_and_reference_no_external_host(string path, string marker)
    {
        await using var harness = await ServerHarness.StartAsync();
        using var anonymous = harness.Client();

        var address = new Uri(harness.Server.BaseAddress, path);
        var page = await anonymous.GetStringAsync(address);
        var references = Reference().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(marker, page, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.False(r.StartsWith("http:", StringComparison.Ordinal) || r.StartsWith("https:", StringComparison.Ordinal) || r.StartsWith("//", StringComparison.Ordinal), r));
        foreach (var script in references.Where(r => r.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.Equal((script, HttpStatusCode.OK), (script, (await anonymous.GetAsync(new Uri(address, script))).StatusCode));
        }

        Assert.DoesNotContain("cdn.jsdelivr.net", page, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.scalar.com", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
