using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Placement;
using Quanet.Planning.Reporting;
using Quanet.Planning.Scenario;
using Quanet.Planning.Tests.Scenario;

namespace Quanet.Planning.Tests.Reporting;

public sealed partial class ReportWriterTests
{
    internal static readonly Lazy<Plan> SaarlandPlan = new(() =>
        Planner.Solve(ScenarioBuilder.Build(PlannerTests.Saarland, TimeProvider.System), [new HeuristicPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(2) }));

    [Fact]
    public void Html_is_self_contained()
    {
        using var writer = new StringWriter();

        HtmlReportWriter.Write(new PlanReport(SaarlandPlan.Value), writer);

        var html = writer.ToString();
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("<svg class=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("Maximum allowed path loss", html, StringComparison.Ordinal);
        Assert.Equal(SaarlandPlan.Value.Result.Sites.Length, Regex.Matches(html, "<path class=\"site\"[^>]*><title>").Count);
    }

    [Fact]
    public void Html_takes_extra_sections_and_layers()
    {
        var report = new PlanReport(SaarlandPlan.Value);
        report.Sections.Add(new FakeSection());
        report.Layers.Add(new FakeLayer());
        using var writer = new StringWriter();

        HtmlReportWriter.Write(report, writer);

        Assert.Contains("<h2>Backhaul</h2><p>fibre</p>", writer.ToString().Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("id=\"fake-layer\"", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Geojson_lists_sites_coverage_and_demand_for_other_tools()
    {
        var plan = SaarlandPlan.Value;
        using var stream = new MemoryStream();
        PlanGeoJsonWriter.Write(plan, stream);

        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        var features = System.Text.Json.JsonSerializer.Deserialize<FeatureCollection>(stream.ToArray(), options)!;

        var sites = features.Where(f => (string)f.Attributes["kind"] == "site").ToList();
        var demand = features.Where(f => (string)f.Attributes["kind"] == "demand").ToList();
        var coverage = features.Where(f => (string)f.Attributes["kind"] == "coverage").ToList();
        Assert.Equal(plan.Result.Sites.Length, sites.Count);
        Assert.Equal(plan.Result.Sites.Length, coverage.Count);
        Assert.Equal(plan.Scenario.Demand.Count, demand.Count);
        Assert.All(sites, f => Assert.IsType<Point>(f.Geometry));
        Assert.Equal(plan.CoveredWeight, sites.Sum(f => Convert.ToDouble(f.Attributes["population_covered"], System.Globalization.CultureInfo.InvariantCulture)), 6);
        Assert.All(coverage, f => Assert.True(f.Geometry.IsValid));
        Assert.Equal(plan.CoveredWeight, demand.Where(f => (bool)f.Attributes["covered"]).Sum(f => Convert.ToDouble(f.Attributes["population"], System.Globalization.CultureInfo.InvariantCulture)), 6);
    }

    [Fact]
    public void A_plan_directory_reads_back()
    {
        var plan = SaarlandPlan.Value;
        var dir = TestData.TempDirectory();
        PlanGeoJsonWriter.Save(plan, Path.Combine(dir, PlanGeoJsonReader.FileName));

        var artifact = PlanGeoJsonReader.Read(dir);
        var sites = artifact.Sites;
        var demand = artifact.Demand;

        Assert.Equal(plan.Result.Sites.Select(s => plan.Scenario.Sites[s].Id), sites.Select(s => s.Id));
        Assert.Equal(plan.CoveredWeight, demand.Where(d => d.Covered).Sum(d => d.Demand.Weight), 6);
        Assert.Equal(plan.Scenario.Sites[plan.Result.Sites[0]].Location.Latitude, sites[0].Location.Latitude, 6);
        Assert.Equal(PlanArtifact.From(plan).Sites, sites);
        Assert.Equal(PlanArtifact.From(plan).Demand, demand);
    }

    [Fact]
    public void A_file_without_sites_is_not_a_plan()
    {
        var path = Path.Combine(TestData.TempDirectory(), "x.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[]}");

        var ex = Assert.Throws<Quanet.Core.InputFormatException>(() => PlanGeoJsonReader.Read(path));

        Assert.Equal($"{path}:1: no features with kind \"site\": not a quanet plan", ex.Message);
    }

    [Fact]
    public void Png_is_written()
    {
        var path = Path.Combine(TestData.TempDirectory(), "plan.png");

        PlanPngWriter.Save(SaarlandPlan.Value, path, 600, 500);

        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [GeneratedRegex("(src|href)=\"(?!#)[^\"]+\"", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    private sealed class FakeSection : IReportSection
    {
        public string Title => "Backhaul";

        public void WriteHtml(TextWriter writer) => writer.Write("<p>fibre</p>");
    }

    private sealed class FakeLayer : IMapLayer
    {
        public string Name => "fake";

        public int Order => 20;

        public string? LegendSwatch => null;

        public void Draw(SvgMap map) => map.Append("<g id=\"fake-layer\"></g>");
    }
}
