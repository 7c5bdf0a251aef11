using System.Buffers.Binary;
using System.Globalization;
using Quanet.Core;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

public sealed class GeoTiffDemReaderTests
{
    private static short Positive(int row, int column) => (short)((row * 7) + (column * 3) + 100);

    [Fact]
    public void Reads_back_what_the_writer_wrote_with_voids()
    {
        var grid = SyntheticDem.Grid(47, 47.5, 11, 11.6, 0.01, (lat, lon) => lat > 47.45 && lon < 11.05 ? float.NaN : (float)((lat * 1000) - (lon * 100)));
        var path = Path.Combine(TestData.TempDirectory(), "dem.tif");

        GeoTiffDemWriter.Write(path, grid);
        var read = GeoTiffDemReader.Read(path);

        Assert.Equal((grid.Rows, grid.Columns), (read.Rows, read.Columns));
        Assert.Equal(47.5, read.North, 9);
        Assert.Equal(11, read.West, 9);
        Assert.Equal(0.01, read.LatitudeStep, 12);
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                Assert.Equal(grid.Sample(r, c), read.Sample(r, c));
            }
        }
    }

    [RequiresProgramFact("gdalinfo", "gdallocationinfo")]
    public void Gdal_reads_the_written_file_with_the_same_georeference_and_values()
    {
        var grid = SyntheticDem.Grid(47, 47.5, 11, 11.6, 0.01, (lat, lon) => (float)Math.Round((lat * 1000) - (lon * 100), 2));
        var path = Path.Combine(TestData.TempDirectory(), "dem.tif");
        GeoTiffDemWriter.Write(path, grid);

        var info = SyntheticDem.Run("gdalinfo", path);
        Assert.Contains("Size is 61, 51", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", info, StringComparison.Ordinal);
        Assert.Contains("NoData Value=-32768", info, StringComparison.Ordinal);
        Assert.Contains("Type=Float32", info, StringComparison.Ordinal);

        var read = GeoTiffDemReader.Read(path);
        foreach (var (lat, lon) in new[] { (47.5, 11.0), (47.0, 11.6), (47.23, 11.41), (47.31, 11.02) })
        {
            // gdallocationinfo returns the pixel containing the point; at a pixel centre that is the sample itself
            var gdal = double.Parse(SyntheticDem.Run("gdallocationinfo", "-valonly", "-wgs84", path, Invariant(lon), Invariant(lat)).Trim(), CultureInfo.InvariantCulture);
            Assert.Equal(gdal, read.Height(lat, lon), 3);
        }
    }

    [RequiresProgramFact("gdal_translate")]
    public void Reads_strips_and_tiles_of_every_sample_type_that_gdal_writes()
    {
        var dir = TestData.TempDirectory();
        var hgt = SyntheticDem.WriteHgt(dir, "N47E011.hgt", Positive);
        var reference = HgtReader.Read(hgt);
        string[][] variants =
        [
            ["-ot", "Int16", "-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=128", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2"],
            ["-ot", "UInt16", "-co", "COMPRESS=LZW"],
            ["-ot", "Int32"],
            ["-ot", "Float32", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=3"],
            ["-ot", "Float64", "-co", "BLOCKYSIZE=7"],
        ];
        var random = new Random(19);
        foreach (var options in variants)
        {
            var tif = Path.Combine(dir, options[1] + ".tif");
            SyntheticDem.Run("gdal_translate", [.. options, "-q", hgt, tif]);

            var read = GeoTiffDemReader.Read(tif);

            Assert.Equal(48, read.North, 9);
            Assert.Equal(11, read.West, 9);
            for (var k = 0; k < 200; k++)
            {
                double lat = 47 + random.NextDouble(), lon = 11 + random.NextDouble();
                Assert.Equal(reference.Height(lat, lon), read.Height(lat, lon), 6);
            }
        }
    }

    [RequiresProgramFact("gdal_translate")]
    public void Gdal_nodata_becomes_void()
    {
        var dir = TestData.TempDirectory();
        var hgt = SyntheticDem.WriteHgt(dir, "N47E011.hgt", Positive);
        var tif = Path.Combine(dir, "nodata.tif");
        SyntheticDem.Run("gdal_translate", "-q", "-a_nodata", "100", hgt, tif);

        var read = GeoTiffDemReader.Read(tif);

        Assert.True(double.IsNaN(read.Height(48, 11)));
        Assert.Equal(Positive(0, 1), read.Height(48, 11 + (1.0 / 1200)), 9);
    }

    [RequiresProgramFact("gdal_translate")]
    public void Refuses_a_projected_dem_naming_its_epsg_code()
    {
        var dir = TestData.TempDirectory();
        var hgt = SyntheticDem.WriteHgt(dir, "N47E011.hgt", Positive);
        var tif = Path.Combine(dir, "utm.tif");
        SyntheticDem.Run("gdal_translate", "-q", "-a_srs", "EPSG:25832", "-a_ullr", "600000", "5400000", "700000", "5300000", hgt, tif);

        var e = Assert.Throws<InputFormatException>(() => ElevationModels.Open([tif]));

        Assert.Equal($"{tif}: CRS EPSG:25832 is projected; only EPSG:4326 (WGS 84 latitude/longitude) is read so far (reprojection comes in a later change): convert with gdalwarp -t_srs EPSG:4326", e.Message);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_tiff_in_one_line()
    {
        var path = Path.Combine(TestData.TempDirectory(), "dem.tif");
        File.WriteAllText(path, "elevation,lat,lon\n");

        var e = Assert.Throws<InputFormatException>(() => ElevationModels.Open([path]));

        Assert.StartsWith($"{path}: not a TIFF file", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Refuses_an_absurd_declared_size_before_allocating()
    {
        var grid = SyntheticDem.Grid(47, 47.1, 11, 11.1, 0.01, (_, _) => 1);
        var path = Path.Combine(TestData.TempDirectory(), "huge.tif");
        GeoTiffDemWriter.Write(path, grid);
        PatchDimensions(path, 60_000);

        var e = Assert.Throws<InputFormatException>(() => GeoTiffDemReader.Read(path));

        Assert.Equal($"{path}: declares 60000 x 60000 pixels, more than the 150,000,000 a DEM may have here (cut it to the region with gdal_translate -projwin)", e.Message);
    }

    [Fact]
    public void Refuses_a_declared_size_the_file_cannot_hold()
    {
        var grid = SyntheticDem.Grid(47, 47.1, 11, 11.1, 0.01, (_, _) => 1);
        var path = Path.Combine(TestData.TempDirectory(), "big.tif");
        GeoTiffDemWriter.Write(path, grid);
        PatchDimensions(path, 12_000);

        var e = Assert.Throws<InputFormatException>(() => GeoTiffDemReader.Read(path));

        Assert.StartsWith($"{path}: declares 12000 x 12000 32-bit pixels, more than its ", e.Message, StringComparison.Ordinal);
    }

    // rewrites ImageWidth (256) and ImageLength (257) in the first IFD of a little-endian classic TIFF
    private static void PatchDimensions(string path, int size)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'I', bytes[0]);
        var ifd = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ifd));
        for (var k = 0; k < entries; k++)
        {
            var at = ifd + 2 + (12 * k);
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
            var type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 2));
            if (tag is 256 or 257)
            {
                if (type == 3)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 8), (ushort)size);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 8), (uint)size);
                }
            }
        }

        File.WriteAllBytes(path, bytes);
    }

    private static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
