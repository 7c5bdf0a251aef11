using CsCheck;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Quanet.Planning.Geography;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Planning.Tests.Geography.Mutation;

/// <summary>
/// Hostile mutants of a region Shapefile (its .shp and its .dbf) and of a GeoPackage through <see cref="RegionFileReader"/>:
/// each reads or is refused with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class RegionFileMutationTests : IDisposable
{
    private const int Iterations = 200;

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-region-mut-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Shapefile_geometry_mutants_are_read_or_refused_in_one_line() => MutateShapefilePart(".shp");

    [Fact]
    public void Shapefile_attribute_mutants_are_read_or_refused_in_one_line() => MutateShapefilePart(".dbf");

    [Fact]
    public void Geopackage_mutants_are_read_or_refused_in_one_line()
    {
        // the smallest GeoPackage with a polygon layer, made by the reader's own counterpart in SQL
        var seed = Path.Combine(_dir, "seed.gpkg");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={seed};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z TINYINT, m TINYINT);
                INSERT INTO gpkg_geometry_columns VALUES ('area', 'geom', 'POLYGON', 4326, 0, 0);
                CREATE TABLE area (fid INTEGER PRIMARY KEY, geom BLOB);
                """;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO area (geom) VALUES ($g)";
            command.Parameters.AddWithValue("$g", Blob(new GeometryFactory().CreatePolygon([new(6.8, 49.1), new(7.3, 49.1), new(7.3, 49.5), new(6.8, 49.1)])));
            command.ExecuteNonQuery();
        }

        Assert.Equal(1, RegionFileReader.ReadFile(seed).NumGeometries);
        var path = Path.Combine(_dir, "mutant.gpkg");
        InputMutations.Of(File.ReadAllBytes(seed)).Sample(
            bytes => HostileInput.Check(bytes, b =>
            {
                File.WriteAllBytes(path, b);
                RegionFileReader.ReadFile(path);
            }),
            iter: Iterations, threads: 1);
    }

    private void MutateShapefilePart(string extension)
    {
        var seed = Path.Combine(_dir, "seed.shp");
        var ring = new Coordinate[] { new(6.8, 49.1), new(6.8, 49.5), new(7.3, 49.5), new(7.3, 49.1), new(6.8, 49.1) };
        Shapefile.WriteAllFeatures([new Feature(new GeometryFactory().CreatePolygon(ring), new AttributesTable { { "name", "Saar" }, { "pop", 1.5 } })], seed);
        var mutant = Path.Combine(_dir, "mutant.shp");
        foreach (var part in new[] { ".shp", ".shx", ".dbf" })
        {
            File.Copy(Path.ChangeExtension(seed, part), Path.ChangeExtension(mutant, part), overwrite: true);
        }

        InputMutations.Of(File.ReadAllBytes(Path.ChangeExtension(seed, extension))).Sample(
            bytes => HostileInput.Check(bytes, b =>
            {
                File.WriteAllBytes(Path.ChangeExtension(mutant, extension), b);
                RegionFileReader.ReadFile(mutant);
            }),
            iter: Iterations, threads: 1);
    }

    // GeoPackage binary: "GP", version 0, flags 1 (little endian, no envelope), srs_id 4326, then WKB.
    private static byte[] Blob(Geometry geometry)
    {
        var wkb = new NetTopologySuite.IO.WKBWriter().Write(geometry);
        return [(byte)'G', (byte)'P', 0, 1, 0xE6, 0x10, 0, 0, .. wkb];
    }
}
