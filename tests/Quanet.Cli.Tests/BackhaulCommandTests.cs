using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class BackhaulCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-backhaul-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Writes_backhaul_geojson_and_summary_for_a_plan()
    {
        var features = string.Join(",", Enumerable.Range(0, 6).Select(i => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{11 + (0.1 * i)}}},{{{48 + (0.05 * (i % 2))}}}]},"properties":{"kind":"site","id":"s{{{i}}}"}}""")));
        File.WriteAllText(Path.Combine(_dir, "plan.geojson"), $$"""{"type":"FeatureCollection","features":[{{features}}]}""");
        var pops = Path.Combine(_dir, "pops.csv");
        File.WriteAllText(pops, "id,lat,lon\ncore,48.0,10.9\n");

        var (code, output, error) = await CliHarness.RunAsync("backhaul", _dir, "--pops", pops, "--cost-per-km", "1000", "--hops", "3", "--json");

        Assert.True(code == 0, error);
        using var summary = JsonDocument.Parse(output);
        Assert.Equal(6, summary.RootElement.GetProperty("links").GetInt32());
        Assert.True(summary.RootElement.GetProperty("max_hops").GetInt32() <= 3);
        Assert.True(summary.RootElement.GetProperty("optimal").GetBoolean());
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "backhaul.geojson")));
        var links = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(6, links.Count);
        Assert.All(links, f =>
        {
            var p = f.GetProperty("properties");
            Assert.True(p.GetProperty("cost").GetDouble() > 0);
            Assert.Equal(p.GetProperty("length_km").GetDouble() * 1000, p.GetProperty("cost").GetDouble(), 0);
        });
        Assert.True(File.Exists(Path.Combine(_dir, "backhaul.json")));
    }

    [Fact]
    public async Task Missing_plan_is_a_domain_error()
    {
        var (code, _, error) = await CliHarness.RunAsync("backhaul", _dir, "--pops", Path.Combine(_dir, "none.csv"));

        Assert.Equal(1, code);
        Assert.Contains("plan.geojson: not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_reported_together_as_usage_errors()
    {
        var (code, _, error) = await CliHarness.RunAsync("backhaul", _dir, "--cost-per-km", "-1", "--hops", "0");

        Assert.Equal(2, code);
        Assert.Contains("error: --cost-per-km must be positive (got -1)", error, StringComparison.Ordinal);
        Assert.Contains("error: --hops must be at least 1 (got 0)", error, StringComparison.Ordinal);
    }
}
