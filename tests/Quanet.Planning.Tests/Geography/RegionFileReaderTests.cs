using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Quanet.Core;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Tests.Geography;

/// <summary>A user's region polygon from GeoJSON or an Esri Shapefile, in WGS 84, and the region built from it.</summary>
public sealed class RegionFileReaderTests : IDisposable
{
    // A rectangle over Saarland's centre (lon 6.8-7.3, lat 49.1-49.5), counter-clockwise.
    private static readonly Coordinate[] Rectangle = [new(6.8, 49.1), new(7.3, 49.1), new(7.3, 49.5), new(6.8, 49.5), new(6.8, 49.1)];

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-region-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_geojson_polygon_is_the_region_and_only_the_places_inside_are_its_demand()
    {
        var path = GeoJson("rect.geojson", "[[6.8,49.1],[7.3,49.1],[7.3,49.5],[6.8,49.5],[6.8,49.1]]");

        var region = RegionBuilder.FromFile("DE", path);

        Assert.Equal("rect", region.Name);
        Assert.Equal(0.5 * 0.4, region.Outline.Area, 9);
        Assert.NotEmpty(region.Places);
        Assert.All(region.Places, p => Assert.True(p.Location.Longitude is >= 6.8 and <= 7.3 && p.Location.Latitude is >= 49.1 and <= 49.5, p.Name));
        Assert.InRange(region.AreaSquareKilometres, 0.95 * 36.6 * 44.5, 1.05 * 36.6 * 44.5);
    }

    [Fact]
    public void A_shapefile_in_wgs84_reads_back_as_the_same_polygon()
    {
        var path = Path.Combine(_dir, "rect.shp");
        var factory = new GeometryFactory();
        Shapefile.WriteAllFeatures([new Feature(factory.CreatePolygon([.. Rectangle.Reverse()]), new AttributesTable { { "name", "rect" } })], path,
            "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]");

        var outline = RegionFileReader.ReadFile(path);

        Assert.True(outline.EqualsTopologically(factory.CreatePolygon(Rectangle)));
    }

    [Fact]
    public void A_shapefile_in_another_crs_is_refused_naming_the_crs_to_use()
    {
        var path = Path.Combine(_dir, "utm.shp");
        Shapefile.WriteAllFeatures([new Feature(new GeometryFactory().CreatePolygon(Rectangle), new AttributesTable { { "name", "x" } })], path,
            "PROJCS[\"ETRS_1989_UTM_Zone_32N\",GEOGCS[\"GCS_ETRS_1989\"]]");

        var ex = Assert.Throws<InputFormatException>(() => RegionFileReader.ReadFile(path));

        Assert.StartsWith("utm.prj:1: the shapefile's CRS is not WGS 84 longitude/latitude (PROJCS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:4326", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projected_coordinates_in_geojson_are_refused()
    {
        var path = GeoJson("metres.geojson", "[[680000,5450000],[730000,5450000],[730000,5500000],[680000,5450000]]");

        var ex = Assert.Throws<InputFormatException>(() => RegionFileReader.ReadFile(path));

        Assert.StartsWith("metres.geojson:1: coordinates reach (730000, 5500000): not longitude/latitude degrees", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_polygon_is_refused()
    {
        var path = Path.Combine(_dir, "points.shp");
        Shapefile.WriteAllFeatures([new Feature(new GeometryFactory().CreatePoint(new Coordinate(7, 49.3)), new AttributesTable { { "name", "x" } })], path);

        var ex = Assert.Throws<InputFormatException>(() => RegionFileReader.ReadFile(path));

        Assert.Equal("points.shp:1: shape type 1 is not a polygon type (5, 15 or 25)", ex.Message);
    }

    private string GeoJson(string name, string ring)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[{{{ring}}}]}}]}""");
        return path;
    }
}
