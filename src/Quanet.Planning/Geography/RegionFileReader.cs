using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.Operation.Union;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Planning.Geography;

/// <summary>
/// Reads a user's region polygon (<c>--region FILE</c>): the union of every polygon in a GeoJSON FeatureCollection,
/// an Esri Shapefile or the first polygon layer of a GeoPackage, in WGS 84 longitude/latitude. Files that declare
/// another coordinate reference system are refused with the one to reproject to (this reader does not reproject).
/// </summary>
public static class RegionFileReader
{
    /// <summary>Reads the polygon at <paramref name="path"/> (.geojson/.json, .shp, .gpkg).</summary>
    /// <exception cref="InputFormatException">No polygon, another CRS, coordinates that are not degrees, or malformed input.</exception>
    public static Geometry ReadFile(string path, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= FormatLimits.Default;
        var name = Path.GetFileName(path);
        var outline = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".shp" => Shapefile(path, name, limits),
            ".gpkg" => GeoPackage(path, name),
            _ => OutlineReader.Read(limits.ReadAllBytes(path), name, limits),
        };
        var envelope = outline.EnvelopeInternal;
        if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
        {
            throw new InputFormatException(name, 1, $"coordinates reach ({envelope.MaxX:0.###}, {envelope.MaxY:0.###}): not longitude/latitude degrees; reproject to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326");
        }

        return outline;
    }

    private static Geometry Shapefile(string path, string name, FormatLimits limits)
    {
        ShapefileLayout.Check(limits.ReadAllBytes(path), name);
        var prj = Path.ChangeExtension(path, ".prj");
        if (File.Exists(prj) && File.ReadAllText(prj) is var wkt && !ShapefileLayout.IsWgs84(wkt))
        {
            throw new InputFormatException(Path.GetFileName(prj), 1, $"the shapefile's CRS is not WGS 84 longitude/latitude ({Printable.Escape(wkt.Length > 60 ? wkt[..60] + "..." : wkt)}); reproject to EPSG:4326, e.g. ogr2ogr -t_srs EPSG:4326");
        }

        try
        {
            // geometry only: the attributes (.dbf) play no part in a region
            return Polygons(NetTopologySuite.IO.Esri.Shapefile.ReadAllGeometries(path), name);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ShapefileException or ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException or NotSupportedException)
        {
            throw new InputFormatException(name, 1, "not a readable Esri Shapefile: " + Printable.Escape(ex.Message));
        }
    }

    private static Geometry GeoPackage(string path, string name)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var layers = connection.CreateCommand();
            layers.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE upper(geometry_type_name) IN ('POLYGON', 'MULTIPOLYGON', 'GEOMETRY') ORDER BY table_name";
            using var reader = layers.ExecuteReader();
            if (!reader.Read())
            {
                throw new InputFormatException(name, 1, "no polygon layer in the GeoPackage");
            }

            var (table, column, srs) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
            if (srs != 4326)
            {
                throw new InputFormatException(name, 1, $"layer {Printable.Escape(table)} is in srs_id {srs}, not WGS 84 (4326); reproject, e.g. ogr2ogr -t_srs EPSG:4326");
            }

            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\" FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var blobs = rows.ExecuteReader();
            var geometries = new List<Geometry>();
            while (blobs.Read())
            {
                if (!blobs.IsDBNull(0))
                {
                    geometries.Add(GeoPackageGeometry.Read((byte[])blobs[0], name));
                }
            }

            return Polygons(geometries, name);
        }
        catch (Exception ex) when (ex is SqliteException or ParseException or ArgumentException)
        {
            throw new InputFormatException(name, 1, "not a readable GeoPackage: " + Printable.Escape(ex.Message));
        }
    }

    private static Geometry Polygons(IEnumerable<Geometry> geometries, string name)
    {
        var polygons = new List<Geometry>();
        foreach (var g in geometries)
        {
            if (g is Polygon or MultiPolygon)
            {
                polygons.Add(g.IsValid ? g : g.Buffer(0));
            }
        }

        return polygons.Count == 0 ? throw new InputFormatException(name, 1, "no Polygon or MultiPolygon in the file") : UnaryUnionOp.Union(polygons);
    }
}
