using Quanet.Core;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Artifacts;

public sealed class PlanGeoJsonReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-plan-artifact-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reads_sites_and_demand_and_skips_other_features_of_a_file_without_version()
    {
        var path = Write("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.5,48.1]},"properties":{"kind":"site","id":"s1"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.6,48.2]},"properties":{"kind":"demand","id":"d1","population":40,"covered":true}},
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":{"kind":"coverage"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.7,48.3]},"properties":{"kind":"site","id":7,"population_covered":12}}]}
            """);

        var plan = PlanGeoJsonReader.Read(path);

        Assert.Equal([new PlanSite("s1", "s1", new GeoPoint(48.1, 11.5), 0), new PlanSite("7", "7", new GeoPoint(48.3, 11.7), 12)], plan.Sites);
        Assert.Equal(new PlanDemand(new DemandPoint("d1", "d1", 40, new GeoPoint(48.2, 11.6)), true), Assert.Single(plan.Demand));
    }

    [Fact]
    public void A_site_without_coordinates_names_the_file_line_and_feature()
    {
        var path = Write("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"site\",\"id\":\"s1\"}}]}");

        var ex = Assert.Throws<InputFormatException>(() => PlanGeoJsonReader.Read(path));

        Assert.Equal($"{path}:3: feature 1: a site needs a Point geometry [lon, lat]", ex.Message);
    }

    [Fact]
    public void Broken_json_gives_the_line_of_the_syntax_error()
    {
        var path = Write("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\": }]}");

        var ex = Assert.Throws<InputFormatException>(() => PlanGeoJsonReader.Read(path));

        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{path}:3: not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_version_is_refused()
    {
        var path = Write("""{"type":"FeatureCollection","quanet_version":2,"features":[]}""");

        var ex = Assert.Throws<InputFormatException>(() => PlanGeoJsonReader.Read(path));

        Assert.Equal($"{path}:1: \"quanet_version\" 2 is not a version this build reads (1 to 1)", ex.Message);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, PlanGeoJsonReader.FileName);
        File.WriteAllText(path, text);
        return path;
    }
}
