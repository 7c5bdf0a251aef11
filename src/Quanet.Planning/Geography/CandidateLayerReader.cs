using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Core.Units;

namespace Quanet.Planning.Geography;

/// <summary>
/// Reads candidate sites from a point layer of an OGC GeoPackage or an Esri Shapefile, with the attributes of the CSV
/// form (<c>id</c>, <c>name</c>, <c>cost</c>, <c>height</c> or <c>height_m</c>, <c>flag</c>; any may be missing), in
/// WGS 84: a GeoPackage's layer named <c>candidates</c>, else <c>sites</c> (what <c>--export gpkg</c> writes), else its
/// first point layer; a shapefile's .prj must say WGS 84 longitude/latitude. Another CRS is refused with the code to
/// reproject to (<c>ogr2ogr -t_srs EPSG:4326</c>); this reader does not reproject.
/// </summary>
internal static class CandidateLayerReader
{
    /// <summary>Reads the candidates of a .gpkg.</summary>
    /// <exception cref="InputFormatException">No point layer, another CRS, a bad attribute or a malformed file.</exception>
    public static IReadOnlyList<CandidateSite> ReadGeoPackage(string path, Metres defaultHeight)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var (table, column, srs) = PointLayer(connection, name);
            CheckSrs(connection, name, table, srs);
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM {Quote(table)}";
            using var reader = rows.ExecuteReader();
            var geometryOrdinal = reader.GetOrdinal(column);
            var features = new List<(Geometry?, IAttributesTable)>();
            while (reader.Read())
            {
                var attributes = new AttributesTable();
                for (var f = 0; f < reader.FieldCount; f++)
                {
                    if (f != geometryOrdinal && !reader.IsDBNull(f))
                    {
                        attributes.Add(reader.GetName(f).ToLowerInvariant(), reader.GetValue(f));
                    }
                }

                features.Add((reader.IsDBNull(geometryOrdinal) ? null : GeoPackageGeometry.Read((byte[])reader[geometryOrdinal], name), attributes));
            }

            return Candidates(features, name, "layer " + Printable.Escape(table) + ", ", defaultHeight);
        }
        catch (Exception ex) when (ex is SqliteException or ParseException or ArgumentException or InvalidCastException)
        {
            throw new InputFormatException(name, 1, "not a readable GeoPackage: " + Printable.Escape(ex.Message));
        }
    }

    /// <summary>Reads the candidates of a .shp (with its .dbf and .prj).</summary>
    /// <exception cref="InputFormatException">Not a point shapefile, another CRS, a bad attribute or a malformed file.</exception>
    public static IReadOnlyList<CandidateSite> ReadShapefile(string path, Metres defaultHeight, FormatLimits limits)
    {
        var name = Path.GetFileName(path);
        ShapefileLayout.CheckPoints(limits.ReadAllBytes(path), name);
        var prj = Path.ChangeExtension(path, ".prj");
        if (File.Exists(prj) && File.ReadAllText(prj) is var wkt && !ShapefileLayout.IsWgs84(wkt))
        {
            throw new InputFormatException(Path.GetFileName(prj), 1, $"the shapefile's CRS is not WGS 84 longitude/latitude ({Printable.Escape(wkt.Length > 60 ? wkt[..60] + "..." : wkt)}); reproject to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326");
        }

        Feature[] features;
        try
        {
            features = Shapefile.ReadAllFeatures(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ShapefileException or ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException or NotSupportedException)
        {
            throw new InputFormatException(name, 1, "not a readable Esri Shapefile: " + Printable.Escape(ex.Message));
        }

        return Candidates([.. features.Select(f => ((Geometry?)f.Geometry, f.Attributes ?? new AttributesTable()))], name, string.Empty, defaultHeight);
    }

    private static List<CandidateSite> Candidates(List<(Geometry? Geometry, IAttributesTable Attributes)> features, string name, string where, Metres defaultHeight)
    {
        var result = new List<CandidateSite>(features.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            InputFormatException Error(string problem) => new(name, 1, $"{where}feature {i + 1}: {problem}");
            var (geometry, attributes) = features[i];
            if (geometry is not Point { IsEmpty: false } point)
            {
                throw Error($"expected a Point geometry, found {geometry?.GeometryType ?? "none"}");
            }

            var location = new GeoPoint(point.Y, point.X);
            if (!location.IsValid)
            {
                throw Error($"coordinates ({point.X}, {point.Y}) are not longitude/latitude degrees; reproject to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326");
            }

            var id = Text(attributes, "id") ?? "s" + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (id.Length == 0 || !ids.Add(id))
            {
                throw Error(id.Length == 0 ? "empty id" : $"duplicate id '{Printable.Escape(id)}'");
            }

            var cost = Number(attributes, "cost", 1.0, Error);
            var height = Number(attributes, "height", Number(attributes, "height_m", defaultHeight.Value, Error), Error);
            if (CandidateReader.Check(cost, height) is { } problem)
            {
                throw Error(problem);
            }

            var flagText = Text(attributes, "flag") ?? string.Empty;
            var flag = CandidateFlag.Parse(flagText) ?? throw Error($"flag '{Printable.Escape(flagText)}' is not {CandidateFlag.Expected}");
            var display = Text(attributes, "name");
            result.Add(new CandidateSite(id, string.IsNullOrEmpty(display) ? id : display, location, cost, new Metres(height), flag.Flag) { Existing = flag.Existing });
        }

        return result;
    }

    private static (string Table, string Column, int Srs) PointLayer(SqliteConnection connection, string name)
    {
        using var layers = connection.CreateCommand();
        layers.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE upper(geometry_type_name) IN ('POINT', 'MULTIPOINT', 'GEOMETRY') "
            + "ORDER BY lower(table_name) <> 'candidates', lower(table_name) <> 'sites', table_name";
        using var reader = layers.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetInt32(2)) : throw new InputFormatException(name, 1, "no point layer in the GeoPackage");
    }

    // srs_id is the file's own key; what it means is in gpkg_spatial_ref_sys (0 = undefined geographic: degrees)
    private static void CheckSrs(SqliteConnection connection, string name, string table, int srs)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = $s";
        command.Parameters.AddWithValue("$s", srs);
        using var reader = command.ExecuteReader();
        var (organization, code) = reader.Read() ? (reader.GetString(0), reader.GetInt32(1)) : ("EPSG", srs);
        if (srs == 0 || (organization.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && code == 4326))
        {
            return;
        }

        throw new InputFormatException(name, 1, $"layer {Printable.Escape(table)} is in {Printable.Escape(organization)}:{code}, not WGS 84 (EPSG:4326); reproject, e.g. ogr2ogr -t_srs EPSG:4326 out.gpkg {Printable.Escape(name)}");
    }

    private static string? Text(IAttributesTable attributes, string key) =>
        attributes.Exists(key) && attributes[key] is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() : null;

    // numbers come typed (REAL/INTEGER, dbf N/F) or as text (a layer made from CSV without type detection)
    private static double Number(IAttributesTable attributes, string key, double fallback, Func<string, InputFormatException> error)
    {
        if (!attributes.Exists(key) || attributes[key] is not { } value)
        {
            return fallback;
        }

        var number = value switch
        {
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            decimal m => (double)m,
            string s when s.Trim().Length == 0 => fallback,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(number) ? number : throw error($"{key} '{Printable.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}' is not a number");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
