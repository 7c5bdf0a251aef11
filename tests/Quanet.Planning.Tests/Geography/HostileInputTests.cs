using System.Text;
using Quanet.Core;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Geography;

/// <summary>Regression tests for issue #16: huge numbers, declared sizes and control characters in planning inputs.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void GeoJson_number_of_ten_thousand_digits_is_an_input_error()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "\"properties\":{\"population\":1" + new string('0', 10_000) + "}}]}";

        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadGeoJson(Encoding.UTF8.GetBytes(json), "d.geojson"));

        Assert.StartsWith("d.geojson:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_coordinate_of_ten_thousand_digits_is_an_input_error()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1"
            + new string('0', 10_000) + ",2]},\"properties\":{\"population\":1}}]}";

        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadGeoJson(Encoding.UTF8.GetBytes(json), "d.geojson"));

        Assert.StartsWith("d.geojson:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_nesting_deeper_than_the_limit_is_an_input_error()
    {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[],\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadGeoJson(Encoding.UTF8.GetBytes(json), "d.geojson"));

        Assert.Contains("depth", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GeoJson_over_the_byte_limit_is_refused_naming_the_limit()
    {
        var limits = FormatLimits.Default with { MaxInputBytes = 10 };

        var ex = Assert.Throws<InputFormatException>(() => OutlineReader.Read(Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\"}"), "o.geojson", limits));

        Assert.Equal("o.geojson: the input is over the limit of 10 bytes (FormatLimits.MaxInputBytes)", ex.Message);
    }

    [Fact]
    public void Csv_number_with_a_control_sequence_is_quoted_escaped()
    {
        var ex = Assert.Throws<InputFormatException>(() => DemandReader.ReadCsv(new StringReader("lat,lon,weight\n1,2,\u001b[2J\n"), "d.csv"));

        Assert.Equal("d.csv:2: weight '\\x1B[2J' is not a number", ex.Message);
    }

    [Fact]
    public void Beasley_header_declaring_int_max_columns_is_refused_before_allocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<InputFormatException>(() => BeasleySetCoverReader.Read(new StringReader("5 2147483647\n1 1\n"), "scp.txt"));

        Assert.Equal("scp.txt:1: 2147483647 columns is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void Beasley_columns_within_the_limit_but_not_in_the_file_allocate_only_what_was_read()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<InputFormatException>(() => BeasleySetCoverReader.Read(new StringReader("5 4000000\n1 1\n"), "scp.txt"));

        Assert.Equal("scp.txt:2: file ends early: expected the cost of column 3", ex.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 2 << 20);
    }
}
