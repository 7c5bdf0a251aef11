using Quanet.Core;
using Quanet.Planning.Geography;
using Quanet.Planning.Population;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Population;

public sealed class PopulationRasterReaderTests : IDisposable
{
    // the region: 49.0-49.5 N, 6.5-7.5 E; people only in 49.1-49.4 N, 6.7-7.3 E, well inside it (over 7 km from
    // the edge), so that every person belongs to a cell whose centre is inside, whatever the cell grid's alignment
    private static readonly Region Region = TestRegion.Box(49.0, 6.5, 49.5, 7.5);
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-pop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, int> KindsAndLayouts()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in Enum.GetNames<RasterSamples.Kind>())
        {
            data.Add(kind, 0);
            data.Add(kind, 32);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLayouts))]
    public void Every_sample_type_in_strips_and_tiles_sums_to_the_people_inside_the_region(string kindName, int tile)
    {
        var kind = Enum.Parse<RasterSamples.Kind>(kindName);
        var signed = kind is RasterSamples.Kind.Int8 or RasterSamples.Kind.Int16 or RasterSamples.Kind.Int32 or RasterSamples.Kind.Float32 or RasterSamples.Kind.Float64;
        var nodata = signed ? -100.0 : 250.0;
        var (values, width, expected) = Geographic(nodata, signed);
        var path = Path.Combine(_dir, $"{kind}-{tile}.tif");
        new PopulationRasterWriter { Crs = 4326, Left = 6.3, Top = 49.7, PixelSize = 0.01, Kind = kind, TileSize = tile, NoData = nodata }.Write(path, values, width);

        var (total, summary) = Read(path);

        Assert.Equal(expected, total, 1e-6);
        Assert.Equal("EPSG:4326", summary.Crs);
        Assert.True(summary.PixelsRead < values.Length, "only the blocks crossing the region's box are decoded");
    }

    [Theory]
    [InlineData(3035)]
    [InlineData(32632)]
    [InlineData(3857)]
    [InlineData(54009)]
    public void A_projected_raster_is_reprojected_onto_the_region(int code)
    {
        // 500 m pixels in the CRS over the region's box; people where the pixel centre falls in the inner box
        var crs = RasterCrs.ForCode(code)!;
        var (x0, y1) = crs.Forward(new GeoPoint(49.6, 6.3));
        var (x1, y0) = crs.Forward(new GeoPoint(48.9, 7.7));
        (x0, x1) = (Math.Min(x0, crs.Forward(new GeoPoint(48.9, 6.3)).X), Math.Max(x1, crs.Forward(new GeoPoint(49.6, 7.7)).X));
        (y0, y1) = (Math.Min(y0, crs.Forward(new GeoPoint(48.9, 6.3)).Y), Math.Max(y1, crs.Forward(new GeoPoint(49.6, 7.7)).Y));
        const double Pixel = 500;
        var width = (int)Math.Ceiling((x1 - x0) / Pixel);
        var height = (int)Math.Ceiling((y1 - y0) / Pixel);
        var values = new double[width * height];
        var expected = 0.0;
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var p = crs.Inverse(x0 + ((c + 0.5) * Pixel), y1 - ((r + 0.5) * Pixel));
                var v = p.Latitude is > 49.1 and < 49.4 && p.Longitude is > 6.7 and < 7.3 ? ((r + c) % 5) + 0.5 : 0;
                values[(r * width) + c] = v;
                expected += v;
            }
        }

        var path = Path.Combine(_dir, $"epsg{code}.tif");
        new PopulationRasterWriter { Crs = code, Left = x0, Top = y1, PixelSize = Pixel, TileSize = 64 }.Write(path, values, width);

        var (total, summary) = Read(path);

        Assert.Equal(expected, total, 1e-6 * expected);
        Assert.Equal(code == 54009 ? "ESRI:54009" : "EPSG:" + code, summary.Crs);
    }

    [Fact]
    public void People_go_to_the_cell_holding_the_pixel_centre()
    {
        // one 4326 pixel of 7 people centred on 49.30 N 6.90 E: the demand is one cell holding that point
        var values = new double[140 * 90];
        values[(40 * 140) + 60] = 7;
        var path = Path.Combine(_dir, "one.tif");
        new PopulationRasterWriter { Crs = 4326, Left = 6.295, Top = 49.705, PixelSize = 0.01 }.Write(path, values, 140);
        var grid = new CellGrid(1000);

        PopulationRasterReader.Read(path, Region, grid);
        var (points, outside) = grid.ToDemand(Region.Projection, Region.ProjectedOutline);

        var cell = Assert.Single(points);
        Assert.Equal(7, cell.Weight);
        Assert.Equal(0, outside);
        var (x, y) = Region.Projection.Forward(new GeoPoint(49.30, 6.90));
        var (cx, cy) = Region.Projection.Forward(cell.Location);
        Assert.True(Math.Abs(x - cx) <= 500 && Math.Abs(y - cy) <= 500, $"the cell centre ({cx}, {cy}) is within half a cell of the pixel centre ({x}, {y})");
    }

    [Fact]
    public void A_file_that_is_not_a_tiff_is_refused_in_one_line()
    {
        var path = Path.Combine(_dir, "pop.tif");
        File.WriteAllText(path, "lat,lon,population\n49,7,100\n");

        var e = Assert.Throws<InputFormatException>(() => Read(path));

        Assert.StartsWith($"{path}: not a TIFF file", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unsupported_crs_is_refused_naming_its_code()
    {
        var path = Path.Combine(_dir, "swiss.tif");
        new PopulationRasterWriter { Crs = 2056, Left = 2_600_000, Top = 1_200_000, PixelSize = 100 }.Write(path, new double[16 * 16], 16);

        var e = Assert.Throws<InputFormatException>(() => Read(path));

        Assert.Equal($"{path}: CRS EPSG:2056 is not supported for population rasters (supported: {RasterCrs.Supported}); reproject with gdalwarp -t_srs EPSG:3035", e.Message);
    }

    [Fact]
    public void A_raster_beside_the_region_is_refused()
    {
        var path = Path.Combine(_dir, "spain.tif");
        new PopulationRasterWriter { Crs = 4326, Left = -4, Top = 41, PixelSize = 0.01 }.Write(path, new double[32 * 32], 32);

        var e = Assert.Throws<InputFormatException>(() => Read(path));

        Assert.Equal($"{path}: the raster (EPSG:4326) does not overlap region test box", e.Message);
    }

    private static (double Total, RasterSummary Summary) Read(string path)
    {
        var grid = new CellGrid(1000);
        var summary = PopulationRasterReader.Read(path, Region, grid);
        var (points, _) = grid.ToDemand(Region.Projection, Region.ProjectedOutline);
        return (points.Sum(p => p.Weight), summary);
    }

    // 0.01-degree pixels over 48.8-49.7 N, 6.3-7.7 E: values 1-7 in the inner box with nodata and (signed types)
    // negative pixels among them, 0 elsewhere in the region, 100 south of 48.9 N (outside the region's box)
    private static (double[] Values, int Width, double Expected) Geographic(double nodata, bool signed)
    {
        const int Width = 140, Height = 90;
        var values = new double[Width * Height];
        var expected = 0.0;
        for (var r = 0; r < Height; r++)
        {
            var lat = 49.7 - ((r + 0.5) * 0.01);
            for (var c = 0; c < Width; c++)
            {
                var lon = 6.3 + ((c + 0.5) * 0.01);
                double v = 0;
                if (lat < 48.9)
                {
                    v = 100;
                }
                else if (lat is > 49.1 and < 49.4 && lon is > 6.7 and < 7.3)
                {
                    v = ((r * 3) + c) % 9 switch
                    {
                        0 => nodata,
                        1 when signed => -5,
                        var k => k % 7 + 1,
                    };
                    expected += v > 0 && v != nodata ? v : 0;
                }

                values[(r * Width) + c] = v;
            }
        }

        return (values, Width, expected);
    }
}
