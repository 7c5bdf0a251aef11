using Quanet.Core;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Artifacts;

public sealed class BackhaulGeoJsonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-backhaul-artifact-").FullName;

    [Fact]
    public void Invalid_utf8_inside_a_string_is_an_input_error_naming_the_line()
    {
        // found by bench/fuzz backhaul-geojson (and security-json): JsonDocument threw InvalidOperationException
        // ("Cannot transcode invalid UTF-8") when the string was first read
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Li#eString\",\"coordinates\":[[1,2],[3,4]]},\"properties\":{}}]}";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;
        File.WriteAllBytes(PathOf, bytes);

        var ex = Assert.Throws<InputFormatException>(() => BackhaulGeoJsonReader.Read(PathOf));

        Assert.EndsWith(":2: not valid UTF-8 (byte 82)", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf => Path.Combine(_dir, BackhaulGeoJsonReader.FileName);

    [Fact]
    public void Writes_linestrings_with_the_link_properties_and_the_version()
    {
        var design = BackhaulDesigner.Design([new("s1", 0, 0.1)], [new("pop", 0, 0)]);

        BackhaulGeoJsonWriter.Save(design.Links, PathOf);

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf));
        Assert.Equal(ArtifactVersion.Current, doc.RootElement.GetProperty(ArtifactVersion.Field).GetInt32());
        var feature = Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        var props = feature.GetProperty("properties");
        Assert.Equal("pop", props.GetProperty("from").GetString());
        Assert.Equal("s1", props.GetProperty("to").GetString());
        Assert.Equal(11.120, props.GetProperty("length_km").GetDouble(), 3); // 0.1 degree of the equator, rounded to metres
        Assert.False(props.GetProperty("existing").GetBoolean());
    }

    [Fact]
    public void Reading_gives_back_the_links_as_recorded()
    {
        BackhaulLink[] links =
        [
            new("pop", "s1", 11.1199999, 11.1199999, false, 0, 0, 0.0000004, 0.1000004),
            new("s1", "s2", 3.5, 0.35, true, 0.0000004, 0.1000004, 0.03, 0.12),
        ];

        BackhaulGeoJsonWriter.Save(links, PathOf);
        var read = BackhaulGeoJsonReader.Read(PathOf);

        Assert.Equal(links.Select(BackhaulGeoJsonWriter.Recorded), read);
        Assert.Equal(0.1, read[0].ToLon);
        Assert.Equal(11.12, read[0].LengthKm);
    }

    [Fact]
    public void A_hand_written_file_without_cost_reads_with_the_length_as_cost()
    {
        File.WriteAllText(PathOf, """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.4,52.5],[13.5,52.6],[13.6,52.5]]},"properties":{"from":"a","to":7,"length_km":21.4}}]}""");

        var link = Assert.Single(BackhaulGeoJsonReader.Read(PathOf));

        Assert.Equal(new BackhaulLink("a", "7", 21.4, 21.4, false, 52.5, 13.4, 52.5, 13.6), link);
    }

    [Fact]
    public void A_link_without_length_names_the_file_line_and_link()
    {
        File.WriteAllText(PathOf, "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]},\"properties\":{\"from\":\"a\",\"to\":\"b\"}}]}");

        var ex = Assert.Throws<InputFormatException>(() => BackhaulGeoJsonReader.Read(PathOf));

        Assert.Equal($"{PathOf}:2: feature 1: link a -> b: \"length_km\" must be a number >= 0", ex.Message);
    }
}
