using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Tests.Artifacts;

public sealed class PlanGeoPackageWriterTests : IDisposable
{
    private static readonly PlanArtifact Plan = new(
        [new PlanSite("s1", "Munich", new GeoPoint(48.137154, 11.576124), 1200), new PlanSite("7", "Augsburg", new GeoPoint(48.3705, 10.8978), 300)],
        []);

    private static readonly BackhaulLink[] Links = [new("s1", "7", 54.2, 54.2, true, 48.137154, 11.576124, 48.3705, 10.8978)];

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-gpkg-").FullName;

    // where the WKB starts in a GeoPackage blob (OGC 12-128r18 clause 2.1.3.1.1): after the 8-byte header and the
    // envelope that flags bits 1-3 announce (none, xy, xyz or xym, xyzm); the header is little-endian (flags bit 0)
    private static int WkbStart(byte[] blob)
    {
        Assert.Equal(1, blob[3] & 1);
        return 8 + (((blob[3] >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var kind => throw new InvalidDataException($"envelope kind {kind}"),
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Sites_and_links_read_back_from_the_geopackage_tables()
    {
        var path = Path.Combine(_dir, "plan.gpkg");
        PlanGeoPackageWriter.Save(Plan, Links, path);

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal(1196444487L, Scalar(connection, "PRAGMA application_id"));
        Assert.Equal(10200L, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal("POINT", Scalar(connection, "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'sites'"));
        Assert.Equal(10.8978, Scalar(connection, "SELECT min_x FROM gpkg_contents WHERE table_name = 'sites'"));

        using var sites = Command(connection, "SELECT geom, id, name, population_covered FROM sites ORDER BY fid").ExecuteReader();
        Assert.True(sites.Read());
        var blob = (byte[])sites[0];
        Assert.Equal("GP"u8.ToArray(), blob[..2]);
        Assert.Equal(4326, BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)));
        var wkb = WkbStart(blob);
        Assert.Equal(1, blob[wkb]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(wkb + 1)));
        Assert.Equal(11.576124, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(wkb + 5)));
        Assert.Equal(48.137154, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(wkb + 13)));
        Assert.Equal("s1", sites.GetString(1));
        Assert.Equal(1200, sites.GetDouble(3));

        using var links = Command(connection, "SELECT geom, from_id, to_id, length_km, existing FROM backhaul").ExecuteReader();
        Assert.True(links.Read());
        var line = (byte[])links[0];
        var lineWkb = WkbStart(line);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(line.AsSpan(lineWkb + 1)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(line.AsSpan(lineWkb + 5)));
        Assert.Equal(10.8978, BinaryPrimitives.ReadDoubleLittleEndian(line.AsSpan(lineWkb + 25)));
        Assert.Equal(48.3705, BinaryPrimitives.ReadDoubleLittleEndian(line.AsSpan(lineWkb + 33)));
        Assert.Equal(54.2, links.GetDouble(3));
        Assert.True(links.GetBoolean(4));
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_both_layers_with_their_features()
    {
        var path = Path.Combine(_dir, "plan.gpkg");
        PlanGeoPackageWriter.Save(Plan, Links, path);

        var info = new ProcessStartInfo(OgrinfoFactAttribute.Program!, ["-ro", "-al", "-so", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
        Assert.Contains("Layer name: sites", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Point", output, StringComparison.Ordinal);
        Assert.Contains("Layer name: backhaul", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Line String", output, StringComparison.Ordinal);
        Assert.Contains("Feature Count: 2", output, StringComparison.Ordinal);
        Assert.Contains("Feature Count: 1", output, StringComparison.Ordinal);
        Assert.Contains("WGS 84", output, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
