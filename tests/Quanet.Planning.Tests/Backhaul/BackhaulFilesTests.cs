using Quanet.Core;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Backhaul;

public sealed class BackhaulFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-backhaul-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reads_sites_from_plan_geojson_and_skips_other_features()
    {
        var path = Write("plan.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.5,48.1]},"properties":{"kind":"site","id":"s1"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.6,48.2]},"properties":{"kind":"demand"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.7,48.3]},"properties":{"kind":"site","id":7}}]}
            """);

        var sites = BackhaulFiles.ReadSites(path);

        Assert.Equal([new BackhaulNode("s1", 48.1, 11.5), new BackhaulNode("7", 48.3, 11.7)], sites);
    }

    [Fact]
    public void Rejects_a_site_without_coordinates()
    {
        var path = Write("plan.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"kind":"site","id":"s1"}}]}""");

        var ex = Assert.Throws<InputFormatException>(() => BackhaulFiles.ReadSites(path));

        Assert.Equal($"{path}: feature 1: a site needs a Point geometry [lon, lat]", ex.Message);
    }

    [Fact]
    public void Rejects_pop_csv_with_bad_number_naming_the_line()
    {
        var path = Write("pops.csv", "id,lat,lon\np1,48.1,11.5\np2,north,11.6\n");

        var ex = Assert.Throws<InputFormatException>(() => BackhaulFiles.ReadPops(path));

        Assert.Equal($"{path}:3: expected a number for 'lat', found 'north'", ex.Message);
    }

    [Fact]
    public void Largest_places_around_the_sites_become_pops()
    {
        var path = Write("places.csv", """
            geonames_id,name,country,admin1,feature_code,population,lat,lon
            1,Big,DE,02,PPLA,900000,48.1,11.5
            2,Small,DE,02,PPL,2000,48.2,11.6
            3,Far,DE,16,PPLC,3000000,52.5,13.4
            4,Mid,DE,02,PPL,50000,48.3,11.7
            """);

        var pops = BackhaulFiles.LargestPlaces([path], [new("s", 48.0, 11.4), new("t", 48.4, 11.8)], 2);

        Assert.Equal(["pop-Big", "pop-Mid"], pops.Select(p => p.Id));
    }

    [Fact]
    public void Writes_linestrings_with_the_link_properties()
    {
        var design = BackhaulDesigner.Design([new("s1", 0, 0.1)], [new("pop", 0, 0)]);
        var path = Path.Combine(_dir, "backhaul.geojson");

        BackhaulFiles.WriteGeoJson(design, path);

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var feature = Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        var props = feature.GetProperty("properties");
        Assert.Equal("pop", props.GetProperty("from").GetString());
        Assert.Equal("s1", props.GetProperty("to").GetString());
        Assert.Equal(11.120, props.GetProperty("length_km").GetDouble(), 3); // 0.1 degree of the equator, rounded to metres
        Assert.False(props.GetProperty("existing").GetBoolean());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
