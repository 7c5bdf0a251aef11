using Quanet.Core;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Backhaul;

public sealed class BackhaulFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-backhaul-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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
    public void Largest_embedded_places_around_munich_include_munich()
    {
        var pops = BackhaulFiles.LargestPlaces([new("s", 48.1, 11.5), new("t", 48.2, 11.6)], 1);

        Assert.Equal("pop-Munich", Assert.Single(pops).Id);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
