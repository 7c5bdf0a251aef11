using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Quanet.Console.Tests.Support;
using Quanet.Server.Security;
using Quanet.Server.WebConsole;

namespace Quanet.Console.Tests;

/// <summary>How the server hosts the console: anonymous static shell, cache headers, CSP, offline bundle, basemap.</summary>
public sealed partial class ConsoleHostingTests
{
    [BundleFact]
    public async Task The_page_is_anonymous_revalidated_and_under_a_self_only_content_security_policy()
    {
        await using var harness = await ConsoleHarness.StartAsync(browser: false);
        using var http = harness.Client();

        using var page = await http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        // the hashed script: cached for a year, and a revalidation with its entity tag answers 304
        var script = ScriptReference().Match(html).Groups[1].Value;
        using var first = await http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, script);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var missing = await http.GetAsync("/console/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_static_shell_is_public_but_the_api_behind_it_is_not()
    {
        await using var harness = await ConsoleHarness.StartAsync(browser: false);
        using var anonymous = harness.Client();

        using var basemap = await anonymous.GetAsync("/api/v1/basemap/countries");
        using var whoami = await anonymous.GetAsync("/api/v1/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, basemap.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }

    [Fact]
    public async Task The_basemap_is_one_feature_collection_of_every_embedded_country_outline()
    {
        await using var harness = await ConsoleHarness.StartAsync(browser: false);
        using var viewer = harness.Client(Roles.Viewer);

        using var response = await viewer.GetAsync("/api/v1/basemap/countries");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", (string?)document["type"]);
        var countries = document["features"]!.AsArray().Select(f => (string)f!["properties"]!["country"]!).Order().ToArray();
        Assert.Equal(["DE", "ES", "GB"], countries);
        Assert.All(document["features"]!.AsArray(), f => Assert.Equal("MultiPolygon", (string?)f!["geometry"]!["type"]));
    }

    [BundleFact]
    public void The_bundle_names_no_remote_host()
    {
        // allowed: loopback, and XML namespace names (identifiers the browser never fetches); licence texts are
        // in the *.LEGAL.txt notice, not in the files the page loads
        string[] namespaces = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"];
        var offending = new List<string>();
        var files = Directory.EnumerateFiles(ConsoleBundle.DefaultRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".LEGAL.txt", StringComparison.Ordinal) && !f.EndsWith(".png", StringComparison.Ordinal)).ToList();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in RemoteUrl().Matches(text))
            {
                if (!namespaces.Any(n => string.CompareOrdinal(text, m.Index, n, 0, n.Length) == 0) && m.Groups[1].Value is not ("127.0.0.1" or "localhost"))
                {
                    offending.Add($"{Path.GetFileName(file)}: {m.Value}");
                }
            }
        }

        Assert.Contains(files, f => f.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".css", StringComparison.Ordinal));
        Assert.Empty(offending);
    }

    [Fact]
    public void Without_a_bundle_the_console_says_why()
    {
        var empty = Directory.CreateTempSubdirectory("quanet-console-empty-");
        try
        {
            var bundle = ConsoleBundle.Load(empty.FullName);

            Assert.False(bundle.IsBuilt);
            Assert.Contains("console not built: Node.js/npm were not available at build time", ConsoleNotBuilt.Page, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [GeneratedRegex("src=\"(console/app-[A-Z0-9]{8}\\.js)\"")]
    private static partial Regex ScriptReference();

    [GeneratedRegex("https?://([A-Za-z0-9.-]+)")]
    private static partial Regex RemoteUrl();
}
