using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Tests.Artifacts;

/// <summary>The GIS exports of a plan: one layer (GeoPackage) or file set (Shapefile) per feature kind, read back by GDAL.</summary>
public sealed class PlanExportTests : IDisposable
{
    private static readonly PlanArtifact Plan = new(
        [new PlanSite("s1", "München Nord", new GeoPoint(48.137154, 11.576124), 1200, 4_500), new PlanSite("7", "Augsburg", new GeoPoint(48.3705, 10.8978), 300, 3_000)],
        [
            new PlanDemand(new DemandPoint("1", "Freising", 48_000, new GeoPoint(48.4, 11.75)), true),
            new PlanDemand(new DemandPoint("2", "Dachau", 47_000, new GeoPoint(48.26, 11.43)), false),
            new PlanDemand(new DemandPoint("3", "Erding", 36_000, new GeoPoint(48.31, 11.91)), true),
        ]);

    private static readonly BackhaulLink[] Links = [new("s1", "7", 54.2, 54.2, true, 48.137154, 11.576124, 48.3705, 10.8978)];

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-export-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Shapefiles_hold_one_file_set_per_geometry_type_with_their_attributes()
    {
        var files = PlanShapefileWriter.Save(Plan, Links, _dir);

        Assert.Equal(["plan_sites.shp", "plan_coverage.shp", "plan_demand.shp", "plan_backhaul.shp"], files.Select(Path.GetFileName));
        foreach (var file in files)
        {
            foreach (var extension in new[] { ".shx", ".dbf", ".prj" })
            {
                Assert.True(File.Exists(Path.ChangeExtension(file, extension)), file + extension);
            }

            Assert.Equal(PlanShapefileWriter.Wgs84, File.ReadAllText(Path.ChangeExtension(file, ".prj")));
        }

        var sites = Shapefile.ReadAllFeatures(files[0]);
        Assert.Equal(["s1", "7"], sites.Select(f => (string)f.Attributes["id"]));
        Assert.Equal("München Nord", sites[0].Attributes["name"]);
        Assert.Equal(11.576124, ((Point)sites[0].Geometry).X, 9);
        var coverage = Shapefile.ReadAllFeatures(files[1]);
        Assert.Equal(2, coverage.Length);
        var ring = ((Polygon)coverage[0].Geometry.GetGeometryN(0)).Shell;
        Assert.False(ring.IsCCW, "a shapefile's outer ring goes clockwise");
        Assert.Equal(CoverageCircle.Vertices + 1, ring.NumPoints);
        var demand = Shapefile.ReadAllFeatures(files[2]);
        Assert.Equal([true, false, true], demand.Select(f => (bool)f.Attributes["covered"]));
        Assert.Equal(54.2, (double)Shapefile.ReadAllFeatures(files[3])[0].Attributes["length_km"], 9);
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_every_shapefile_with_its_geometry_count_and_crs()
    {
        var files = PlanShapefileWriter.Save(Plan, Links, _dir);

        var expected = new[] { ("Point", 2), ("Polygon", 2), ("Point", 3), ("Line String", 1) };
        for (var i = 0; i < files.Count; i++)
        {
            var summary = Ogrinfo.Summary(files[i]);
            Assert.Equal(expected[i], Ogrinfo.Layers(summary)[Path.GetFileNameWithoutExtension(files[i])]);
            Assert.Contains("WGS 84", summary, StringComparison.Ordinal);
        }
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_one_geopackage_layer_per_feature_kind()
    {
        var path = Path.Combine(_dir, "plan.gpkg");
        PlanGeoPackageWriter.Save(Plan, Links, path);

        var summary = Ogrinfo.Summary(path);

        var layers = Ogrinfo.Layers(summary);
        Assert.Equal(("Point", 2), layers["sites"]);
        Assert.Equal(("Polygon", 2), layers["coverage"]);
        Assert.Equal(("Point", 3), layers["demand"]);
        Assert.Equal(("Line String", 1), layers["backhaul"]);
        Assert.Contains("WGS 84", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_layer_of_an_exported_geopackage_reads_back_as_a_region()
    {
        var path = Path.Combine(_dir, "plan.gpkg");
        PlanGeoPackageWriter.Save(Plan, Links, path);

        var outline = Quanet.Planning.Geography.RegionFileReader.ReadFile(path);

        Assert.Equal(2, outline.NumGeometries);
        Assert.True(outline.Covers(new GeometryFactory().CreatePoint(new Coordinate(11.576124, 48.137154))));
        Assert.False(outline.Covers(new GeometryFactory().CreatePoint(new Coordinate(11.75, 48.4))));
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_the_kml_folders()
    {
        var path = Path.Combine(_dir, "plan.kml");
        PlanKmlWriter.Save(Plan, Links, path);

        var layers = Ogrinfo.Layers(Ogrinfo.Summary(path));

        Assert.Equal(2, layers["sites"].Count);
        Assert.Equal(2, layers["coverage"].Count);
        Assert.Equal(1, layers["backhaul"].Count);
    }
}
