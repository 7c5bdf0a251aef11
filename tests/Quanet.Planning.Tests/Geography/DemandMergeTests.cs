using System.Text;
using Quanet.Core;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Geography;

/// <summary>Rows at one location are one demand point (issue #16, defect 12: 100k identical rows made plan super-linear).</summary>
public sealed class DemandMergeTests
{
    [Fact]
    public void Rows_at_the_same_location_become_one_point_whose_weight_is_their_sum()
    {
        var csv = "id,name,lat,lon,population\na,Alpha,52.5,13.4,2\nb,Beta,53.5,10.0,7\nc,Gamma,52.5,13.4,3\n";

        var demand = DemandReader.ReadCsv(new StringReader(csv), "d.csv");

        Assert.Equal(2, demand.Count);
        Assert.Equal(("a", "Alpha", 5.0), (demand[0].Id, demand[0].Name, demand[0].Weight));
        Assert.Equal(("b", 7.0), (demand[1].Id, demand[1].Weight));
    }

    [Fact]
    public void A_file_of_two_hundred_thousand_identical_rows_is_one_point()
    {
        var csv = new StringBuilder("lat,lon,weight\n");
        for (var i = 0; i < 200_000; i++)
        {
            csv.Append("48.137,11.575,1.5\n");
        }

        var demand = DemandReader.ReadCsv(new StringReader(csv.ToString()), "d.csv");

        var point = Assert.Single(demand);
        Assert.Equal(300_000, point.Weight);
        Assert.Equal("d1", point.Id);
    }

    [Fact]
    public void Geojson_points_at_the_same_location_are_merged_too()
    {
        var json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"id":"x","population":10}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"id":"y","population":5}}]}
            """;

        var demand = DemandReader.ReadGeoJson(Encoding.UTF8.GetBytes(json), "d.geojson");

        var point = Assert.Single(demand);
        Assert.Equal(("x", 15.0), (point.Id, point.Weight));
    }

    [Fact]
    public void Weights_that_add_up_beyond_a_double_are_an_input_error_naming_the_row()
    {
        var csv = "lat,lon,weight\n1,2,1e308\n1,2,1e308\n";

        var error = Assert.Throws<InputFormatException>(() => DemandReader.ReadCsv(new StringReader(csv), "d.csv"));

        Assert.StartsWith("d.csv:3: the weights at 1, 2 add up beyond", error.Message, StringComparison.Ordinal);
    }
}
