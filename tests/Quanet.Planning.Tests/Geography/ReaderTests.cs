using Quanet.Core;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Geography;

public sealed class ReaderTests
{
    private const string Header = "geonames_id,name,country,admin1,feature_code,population,lat,lon";

    [Fact]
    public void Reads_places_with_quoted_names()
    {
        var csv = $"{Header}\n1,\"Halle, Saale\",DE,15,PPLA3,238762,51.48,11.97\n\n2,Munich,DE,02,PPLA,1260391,48.13743,11.57549\n";

        var places = PlacesCsvReader.Read(new StringReader(csv), "p.csv");

        Assert.Equal(2, places.Count);
        Assert.Equal("Halle, Saale", places[0].Name);
        Assert.Equal("02", places[1].Admin1);
        Assert.Equal(new GeoPoint(48.13743, 11.57549), places[1].Location);
    }

    [Theory]
    [InlineData("1,A,DE,02,PPL,abc,48,11", "p.csv:2: population 'abc' is not a number")]
    [InlineData("1,A,DE,02,PPL,10,95,11", "p.csv:2: coordinates (95, 11) out of range")]
    [InlineData("x,A,DE,02,PPL,10,48,11", "p.csv:2: geonames_id 'x' is not an integer")]
    [InlineData("1,A,DE", "p.csv:2: expected 8 fields, found 3")]
    [InlineData("1,\"A,DE,02,PPL,10,48,11", "p.csv:2: unterminated quote")]
    public void Rejects_malformed_place_rows_with_file_and_line(string row, string message)
    {
        var ex = Assert.Throws<InputFormatException>(() => PlacesCsvReader.Read(new StringReader($"{Header}\n{row}\n"), "p.csv"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Rejects_a_missing_column()
    {
        var ex = Assert.Throws<InputFormatException>(() => PlacesCsvReader.Read(new StringReader("geonames_id,name\n1,A\n"), "p.csv"));

        Assert.StartsWith("p.csv:1: missing column 'country'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_candidate_csv_with_flags_and_defaults()
    {
        var csv = "id,lat,lon,cost,height,flag\nm1,48.1,11.5,2.5,40,fixed\nm2,48.2,11.6,,,forbidden\nm3,48.3,11.7,1,25,\n";

        var sites = CandidateReader.ReadCsv(new StringReader(csv), "c.csv", new Metres(30));

        Assert.Equal([SiteFlag.Fixed, SiteFlag.Forbidden, SiteFlag.Free], sites.Select(s => s.Flag));
        Assert.Equal(1.0, sites[1].Cost);
        Assert.Equal(30, sites[1].Height.Value);
        Assert.Equal(40, sites[0].Height.Value);
    }

    [Theory]
    [InlineData("m1,48.1,11.5,1,30,maybe", "c.csv:2: flag 'maybe' is not free, fixed, forbidden or existing")]
    [InlineData("m1,48.1,11.5,-1,30,", "c.csv:2: cost -1 is negative")]
    [InlineData("m1,48.1,11.5,1,0,", "c.csv:2: height 0 m is outside (0, 1000]")]
    public void Rejects_bad_candidates(string row, string message)
    {
        var ex = Assert.Throws<InputFormatException>(() => CandidateReader.ReadCsv(new StringReader($"id,lat,lon,cost,height,flag\n{row}\n"), "c.csv", new Metres(30)));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Rejects_duplicate_candidate_ids()
    {
        var ex = Assert.Throws<InputFormatException>(() => CandidateReader.ReadCsv(new StringReader("id,lat,lon\na,1,1\na,2,2\n"), "c.csv", new Metres(30)));

        Assert.Equal("c.csv:3: duplicate id 'a'", ex.Message);
    }

    [Fact]
    public void Reads_geojson_demand_points()
    {
        var json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[11.5,48.1]},"properties":{"name":"A","population":1200}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[11.6,48.2]},"properties":{"id":"b","weight":7}}
            ]}
            """;

        var demand = DemandReader.ReadGeoJson(System.Text.Encoding.UTF8.GetBytes(json), "d.geojson");

        Assert.Equal(2, demand.Count);
        Assert.Equal(1200, demand[0].Weight);
        Assert.Equal("b", demand[1].Id);
        Assert.Equal(new GeoPoint(48.2, 11.6), demand[1].Location);
    }

    [Fact]
    public void Names_the_line_of_a_bad_geojson_feature()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.5,48.1]},\"properties\":{\"population\":5}},\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[11.6,48.2]},\"properties\":{\"name\":\"no weight\"}}\n]}";

        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadGeoJson(System.Text.Encoding.UTF8.GetBytes(json), "d.geojson"));

        Assert.Equal("d.geojson:3: feature 2: missing property 'weight'", ex.Message);
    }

    [Fact]
    public void Reports_geojson_syntax_errors_with_a_line()
    {
        var json = "{\"type\":\"FeatureCollection\",\n\"features\":[ {\"type\":\"Feature\", ]}";

        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadGeoJson(System.Text.Encoding.UTF8.GetBytes(json), "d.geojson"));

        Assert.StartsWith("d.geojson:2: invalid GeoJSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_embedded_outline_of_germany()
    {
        var outline = OutlineReader.Read(EmbeddedData.OutlineBytes("DE"), "outline-DE.geojson");

        Assert.Contains("DE", EmbeddedData.Countries);
        Assert.True(outline.IsValid);
        Assert.InRange(outline.EnvelopeInternal.MinX, 5.5, 6.2);
        Assert.InRange(outline.EnvelopeInternal.MaxY, 54.8, 55.2);
    }
}
