using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Geography;

public sealed class CandidateFlagTests
{
    [Theory]
    [InlineData("", SiteFlag.Free, false)]
    [InlineData("free", SiteFlag.Free, false)]
    [InlineData(" Fixed ", SiteFlag.Fixed, false)]
    [InlineData("FORBIDDEN", SiteFlag.Forbidden, false)]
    [InlineData("existing", SiteFlag.Free, true)]
    public void Parses_every_flag(string text, SiteFlag flag, bool existing) =>
        Assert.Equal(new CandidateFlag(flag, existing), CandidateFlag.Parse(text));

    [Fact]
    public void Rejects_an_unknown_flag() => Assert.Null(CandidateFlag.Parse("maybe"));

    [Fact]
    public void Csv_and_geojson_readers_mark_existing_sites()
    {
        var csv = CandidateReader.ReadCsv(new StringReader("id,lat,lon,cost,flag\ne1,48.1,11.5,4,existing\nn1,48.2,11.6,1,\n"), "c.csv", new Metres(30));
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[11.5,48.1]},"properties":{"id":"e1","cost":4,"flag":"existing"}}]}""";
        var geo = CandidateReader.ReadGeoJson(System.Text.Encoding.UTF8.GetBytes(json), "c.geojson", new Metres(30));

        Assert.True(csv[0].Existing);
        Assert.Equal(SiteFlag.Free, csv[0].Flag);
        Assert.Equal(4, csv[0].Cost);
        Assert.False(csv[1].Existing);
        Assert.True(geo[0].Existing);
    }
}
