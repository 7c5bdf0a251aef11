using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Quanet.Core;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Tests.Terrain;

namespace Quanet.Planning.Tests.Geography;

/// <summary>Candidate sites from GeoPackage and Shapefile point layers: made by ogr2ogr from the CSV form, and bad files.</summary>
public sealed class CandidateLayerReaderTests : IDisposable
{
    private const string Wgs84Prj = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private const string Csv = """
        id,lat,lon,cost,height,flag,name
        a,49.35,6.8,2.5,40,fixed,Mast Alpha
        b,49.40,7.0,,,forbidden,
        c,49.25,6.9,1,25,,Gamma
        """;

    private static readonly Metres DefaultHeight = new(30);

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-candidates-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [RequiresProgramFact("ogr2ogr")]
    public void Layers_made_by_ogr2ogr_from_the_csv_read_as_the_csv_does()
    {
        var csv = Path.Combine(_dir, "sites.csv");
        File.WriteAllText(csv, Csv);
        var expected = CandidateReader.ReadFile(csv, DefaultHeight);

        // typed columns (AUTODETECT_TYPE) and text columns (the CSV driver's default) both read
        foreach (var (file, format, typed) in new[] { ("typed.gpkg", "GPKG", true), ("text.gpkg", "GPKG", false), ("typed.shp", "ESRI Shapefile", true), ("text.shp", "ESRI Shapefile", false) })
        {
            var path = Path.Combine(_dir, file);
            string[] open = ["-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO", .. typed ? new[] { "-oo", "AUTODETECT_TYPE=YES" } : []];
            SyntheticDem.Run("ogr2ogr", ["-f", format, "-a_srs", "EPSG:4326", .. open, path, csv]);

            var read = CandidateReader.ReadFile(path, DefaultHeight);

            Assert.Equal(expected, read);
        }

        Assert.Equal(new CandidateSite("a", "Mast Alpha", new GeoPoint(49.35, 6.8), 2.5, new Metres(40), SiteFlag.Fixed), expected[0]);
        Assert.Equal(new CandidateSite("b", "b", new GeoPoint(49.40, 7.0), 1, DefaultHeight, SiteFlag.Forbidden), expected[1]);
    }

    [RequiresProgramFact("ogr2ogr")]
    public void A_layer_in_another_crs_is_refused_naming_the_code_and_ogr2ogr()
    {
        var csv = Path.Combine(_dir, "sites.csv");
        File.WriteAllText(csv, Csv);
        var gpkg = Path.Combine(_dir, "utm.gpkg");
        var shp = Path.Combine(_dir, "utm.shp");
        foreach (var (path, format) in new[] { (gpkg, "GPKG"), (shp, "ESRI Shapefile") })
        {
            SyntheticDem.Run("ogr2ogr", "-f", format, "-s_srs", "EPSG:4326", "-t_srs", "EPSG:25832", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", path, csv);
        }

        var fromGpkg = Assert.Throws<InputFormatException>(() => CandidateReader.ReadFile(gpkg, DefaultHeight));
        var fromShp = Assert.Throws<InputFormatException>(() => CandidateReader.ReadFile(shp, DefaultHeight));

        Assert.Equal("utm.gpkg:1: layer sites is in EPSG:25832, not WGS 84 (EPSG:4326); reproject, e.g. ogr2ogr -t_srs EPSG:4326 out.gpkg utm.gpkg", fromGpkg.Message);
        Assert.StartsWith("utm.prj:1: the shapefile's CRS is not WGS 84 longitude/latitude (PROJCS", fromShp.Message, StringComparison.Ordinal);
        Assert.Contains("ogr2ogr -t_srs EPSG:4326", fromShp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shapefile_written_by_nts_reads_with_its_attributes()
    {
        var path = Points("sites.shp", ("id", "m1"), ("name", "Hill"), ("cost", 3.0), ("height_m", 45.0), ("flag", "FIXED"));

        var read = CandidateReader.ReadFile(path, DefaultHeight);

        Assert.Equal([new CandidateSite("m1", "Hill", new GeoPoint(49.3, 6.9), 3, new Metres(45), SiteFlag.Fixed)], read);
    }

    [Fact]
    public void Bad_files_are_refused_in_one_line_naming_the_file_and_the_problem()
    {
        var badFlag = Points("flag.shp", ("id", "m1"), ("flag", "maybe"));
        var badCost = Points("cost.shp", ("id", "m1"), ("cost", "cheap"));
        var badHeight = Points("height.shp", ("id", "m1"), ("height", 0.0));
        var polygons = Path.Combine(_dir, "poly.shp");
        Shapefile.WriteAllFeatures([new Feature(new GeometryFactory().CreatePolygon([new(6.8, 49.1), new(6.8, 49.5), new(7.3, 49.5), new(6.8, 49.1)]), new AttributesTable { { "id", "x" } })], polygons, Wgs84Prj);
        var notSqlite = Path.Combine(_dir, "text.gpkg");
        File.WriteAllText(notSqlite, "id,lat,lon\n");
        var cut = Path.Combine(_dir, "cut.shp");
        File.WriteAllBytes(cut, File.ReadAllBytes(badFlag)[..110]);

        Assert.Equal("flag.shp:1: feature 1: flag 'maybe' is not free, fixed, forbidden or existing", Refused(badFlag));
        Assert.Equal("cost.shp:1: feature 1: cost 'cheap' is not a number", Refused(badCost));
        Assert.Equal("height.shp:1: feature 1: height 0 m is outside (0, 1000]", Refused(badHeight));
        Assert.Equal("poly.shp:1: shape type 5 is not a point type (1, 11 or 21): candidates are points", Refused(polygons));
        Assert.StartsWith("text.gpkg:1: not a readable GeoPackage: ", Refused(notSqlite), StringComparison.Ordinal);
        Assert.StartsWith("cut.shp:1: the header declares ", Refused(cut), StringComparison.Ordinal);
        Assert.All(new[] { badFlag, polygons, notSqlite, cut }.Select(Refused), m => Assert.DoesNotContain('\n', m));
    }

    [Fact]
    public void A_geopackage_without_a_point_layer_or_with_a_duplicate_id_is_refused()
    {
        var empty = Path.Combine(_dir, "empty.gpkg");
        using (var connection = new SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER)";
            command.ExecuteNonQuery();
        }

        var twice = Path.Combine(_dir, "twice.shp");
        var factory = new GeometryFactory();
        Shapefile.WriteAllFeatures(
            [new Feature(factory.CreatePoint(new Coordinate(6.9, 49.3)), new AttributesTable { { "id", "m1" } }), new Feature(factory.CreatePoint(new Coordinate(7, 49.3)), new AttributesTable { { "id", "m1" } })],
            twice, Wgs84Prj);

        Assert.Equal("empty.gpkg:1: no point layer in the GeoPackage", Refused(empty));
        Assert.Equal("twice.shp:1: feature 2: duplicate id 'm1'", Refused(twice));
    }

    private string Refused(string path) => Assert.Throws<InputFormatException>(() => CandidateReader.ReadFile(path, DefaultHeight)).Message;

    private string Points(string name, params (string Key, object Value)[] attributes)
    {
        var path = Path.Combine(_dir, name);
        var table = new AttributesTable();
        foreach (var (key, value) in attributes)
        {
            table.Add(key, value);
        }

        Shapefile.WriteAllFeatures([new Feature(new GeometryFactory().CreatePoint(new Coordinate(6.9, 49.3)), table)], path, Wgs84Prj);
        return path;
    }
}
