using Quanet.Core;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

public sealed class HgtReaderTests
{
    [Fact]
    public void Reads_a_three_second_tile_with_its_corner_from_the_name()
    {
        var path = SyntheticDem.WriteHgt(TestData.TempDirectory(), "N47E011.hgt", SyntheticDem.Pattern);

        var tile = HgtReader.Read(path);

        Assert.Equal(1201, tile.Rows);
        Assert.Equal(48, tile.North, 12);
        Assert.Equal(47, tile.South, 12);
        Assert.Equal(11, tile.West, 12);
        Assert.Equal(12, tile.East, 12);
        Assert.Equal(SyntheticDem.Pattern(0, 0), tile.Height(48, 11), 6);
        Assert.Equal(SyntheticDem.Pattern(1200, 1200), tile.Height(47, 12), 6);
        Assert.Equal(SyntheticDem.Pattern(600, 300), tile.Height(47.5, 11.25), 6);

        // half-way between rows 600 and 601 and columns 300 and 301: the mean of the four
        var mean = (SyntheticDem.Pattern(600, 300) + SyntheticDem.Pattern(600, 301) + SyntheticDem.Pattern(601, 300) + SyntheticDem.Pattern(601, 301)) / 4.0;
        Assert.Equal(mean, tile.Height(47.5 - (0.5 / 1200), 11.25 + (0.5 / 1200)), 6);
        Assert.True(double.IsNaN(tile.Height(48.01, 11.5)));
    }

    [Fact]
    public void Southern_and_western_names_give_negative_corners()
    {
        var tile = HgtReader.Read(SyntheticDem.WriteHgt(TestData.TempDirectory(), "S01W002.hgt", (_, _) => 5));

        Assert.Equal(0, tile.North, 12);
        Assert.Equal(-2, tile.West, 12);
        Assert.Equal(5, tile.Height(-0.5, -1.5), 12);
    }

    [Fact]
    public void Voids_are_left_out_of_the_interpolation()
    {
        var tile = HgtReader.Read(SyntheticDem.WriteHgt(TestData.TempDirectory(), "N47E011.hgt", (r, c) => r == 600 && c == 600 ? HgtReader.Void : (short)100));

        Assert.True(double.IsNaN(tile.Height(47.5, 11.5)));
        Assert.Equal(100, tile.Height(47.5, 11.5 + (0.5 / 1200)), 9);
    }

    [Fact]
    public void Several_tiles_form_a_mosaic()
    {
        var dir = TestData.TempDirectory();
        var west = SyntheticDem.WriteHgt(dir, "N47E011.hgt", (_, _) => 500);
        var east = SyntheticDem.WriteHgt(dir, "N47E012.hgt", (_, _) => 900);

        var mosaic = ElevationModels.Open([west, east]);

        Assert.Equal(500, mosaic.Height(47.5, 11.5));
        Assert.Equal(900, mosaic.Height(47.5, 12.5));
        Assert.True(double.IsNaN(mosaic.Height(46.5, 12.5)));
        Assert.Contains("2 DEMs", mosaic.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_file_of_neither_tile_size_in_one_line()
    {
        var path = Path.Combine(TestData.TempDirectory(), "N47E011.hgt");
        File.WriteAllBytes(path, new byte[100]);

        var e = Assert.Throws<InputFormatException>(() => ElevationModels.Open([path]));

        Assert.Equal($"{path}: 100 bytes is neither a 1\" tile (3601 x 3601 x 2 bytes) nor a 3\" tile (1201 x 1201 x 2 bytes)", e.Message);
    }

    [Fact]
    public void Rejects_a_tile_whose_name_gives_no_corner()
    {
        var path = Path.Combine(TestData.TempDirectory(), "alps.hgt");
        File.WriteAllBytes(path, new byte[1201 * 1201 * 2]);

        var e = Assert.Throws<InputFormatException>(() => ElevationModels.Open([path]));

        Assert.Equal($"{path}: an SRTM tile is named after its south-west corner, like N47E011.hgt", e.Message);
    }
}
