using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>
/// Writes a plan as an OGC GeoPackage 1.2 (OGC 12-128r18): the required <c>gpkg_spatial_ref_sys</c>,
/// <c>gpkg_contents</c> and <c>gpkg_geometry_columns</c> tables and one layer per feature kind, all in WGS 84
/// (EPSG:4326), geometries as GeoPackage binary written by NetTopologySuite.IO.GeoPackage: <c>sites</c> (points: id, name,
/// population_covered, radius_m, cost, height_m, flag: read back as candidates by <c>--candidates plan.gpkg</c>), <c>coverage</c> (polygons: the 72-gon of each site's radius; site_id, radius_m),
/// <c>demand</c> (points: id, name, population, covered), <c>backhaul</c> (lines: from_id, to_id, length_km,
/// existing) and <c>links</c> (the backhaul links' protection from <c>--secure</c>, empty without it: from_id, to_id,
/// length_km, mode, trusted_nodes, key_rate_bps).
/// </summary>
public static class PlanGeoPackageWriter
{
    private static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), 4326);

    private const string Wgs84 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>Writes (replacing) the GeoPackage at <paramref name="path"/>.</summary>
    /// <param name="plan">Sites and demand.</param>
    /// <param name="links">The backhaul links (may be empty).</param>
    /// <param name="path">The file.</param>
    /// <param name="security">The links' protection, one decision per link in <paramref name="links"/>' order; null for none.</param>
    public static void Save(PlanArtifact plan, IReadOnlyList<BackhaulLink> links, string path, SecurityDecisions? security = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(path);
        File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, Schema);
        Execute(connection, "BEGIN");
        Execute(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $wkt, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')", ("$wkt", Wgs84));
        AddLayer(connection, "sites", "POINT", plan.Sites.Select(s => (s.Location.Longitude, s.Location.Latitude)));
        foreach (var site in plan.Sites)
        {
            Execute(connection, "INSERT INTO sites (geom, id, name, population_covered, radius_m, cost, height_m, flag) VALUES ($g, $id, $name, $pop, $r, $cost, $h, $flag)",
                ("$g", Point(site.Location.Longitude, site.Location.Latitude)), ("$id", site.Id), ("$name", site.Name), ("$pop", site.PopulationCovered), ("$r", site.RadiusMetres),
                ("$cost", site.Cost), ("$h", site.HeightMetres > 0 ? site.HeightMetres : null), ("$flag", site.Flag.ToString().ToLowerInvariant()));
        }

        var circles = plan.Sites.Where(s => s.RadiusMetres > 0).Select(s => (Site: s, Ring: CoverageCircle.Ring(s.Location, s.RadiusMetres))).ToList();
        AddLayer(connection, "coverage", "POLYGON", circles.SelectMany(c => c.Ring));
        foreach (var (site, ring) in circles)
        {
            Execute(connection, "INSERT INTO coverage (geom, site_id, radius_m) VALUES ($g, $id, $r)", ("$g", Polygon(ring)), ("$id", site.Id), ("$r", site.RadiusMetres));
        }

        AddLayer(connection, "demand", "POINT", plan.Demand.Select(d => (d.Demand.Location.Longitude, d.Demand.Location.Latitude)));
        foreach (var point in plan.Demand)
        {
            var d = point.Demand;
            Execute(connection, "INSERT INTO demand (geom, id, name, population, covered) VALUES ($g, $id, $name, $pop, $c)",
                ("$g", Point(d.Location.Longitude, d.Location.Latitude)), ("$id", d.Id), ("$name", d.Name), ("$pop", d.Weight), ("$c", point.Covered ? 1 : 0));
        }

        AddLayer(connection, "backhaul", "LINESTRING", links.SelectMany(l => new[] { (l.FromLon, l.FromLat), (l.ToLon, l.ToLat) }));
        foreach (var link in links)
        {
            Execute(connection, "INSERT INTO backhaul (geom, from_id, to_id, length_km, existing) VALUES ($g, $a, $b, $km, $e)",
                ("$g", Line(link.FromLon, link.FromLat, link.ToLon, link.ToLat)), ("$a", link.From), ("$b", link.To), ("$km", link.LengthKm), ("$e", link.Existing ? 1 : 0));
        }

        var protectedLinks = security is null ? [] : Protected(links, security);
        AddLayer(connection, "links", "LINESTRING", protectedLinks.SelectMany(p => new[] { (p.Link.FromLon, p.Link.FromLat), (p.Link.ToLon, p.Link.ToLat) }));
        foreach (var (link, decision) in protectedLinks)
        {
            Execute(connection, "INSERT INTO links (geom, from_id, to_id, length_km, mode, trusted_nodes, key_rate_bps) VALUES ($g, $a, $b, $km, $m, $n, $r)",
                ("$g", Line(link.FromLon, link.FromLat, link.ToLon, link.ToLat)), ("$a", link.From), ("$b", link.To), ("$km", decision.LengthKm),
                ("$m", LinkProtection.ModeName(decision.Mode)), ("$n", decision.TrustedNodes), ("$r", decision.KeyRateBitsPerSecond));
        }

        Execute(connection, "COMMIT");
    }

    /// <summary>Each backhaul link with its decision.</summary>
    /// <exception cref="ArgumentException">The decisions are not for these links (count or ends differ).</exception>
    internal static List<(BackhaulLink Link, LinkSecurityDecision Decision)> Protected(IReadOnlyList<BackhaulLink> links, SecurityDecisions security)
    {
        if (security.Links.Count != links.Count)
        {
            throw new ArgumentException($"{security.Links.Count} decisions for {links.Count} links", nameof(security));
        }

        var result = new List<(BackhaulLink, LinkSecurityDecision)>(links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var (from, to, decision) = security.Links[i];
            if (from != links[i].From || to != links[i].To)
            {
                throw new ArgumentException($"decision {i + 1} is for {from} -> {to}, the link is {links[i].From} -> {links[i].To}", nameof(security));
            }

            result.Add((links[i], decision));
        }

        return result;
    }

    private const string Schema = """
        PRAGMA application_id = 1196444487;
        PRAGMA user_version = 10200;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
            last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
            srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
            z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE sites (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, id TEXT, name TEXT, population_covered DOUBLE, radius_m DOUBLE, cost DOUBLE, height_m DOUBLE, flag TEXT);
        CREATE TABLE coverage (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, site_id TEXT, radius_m DOUBLE);
        CREATE TABLE demand (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, id TEXT, name TEXT, population DOUBLE, covered BOOLEAN);
        CREATE TABLE backhaul (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING, from_id TEXT, to_id TEXT, length_km DOUBLE, existing BOOLEAN);
        CREATE TABLE links (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING, from_id TEXT, to_id TEXT, length_km DOUBLE, mode TEXT, trusted_nodes INTEGER, key_rate_bps DOUBLE);
        """;

    private static void AddLayer(SqliteConnection connection, string table, string type, IEnumerable<(double X, double Y)> points)
    {
        double? minX = null, minY = null, maxX = null, maxY = null;
        foreach (var (x, y) in points)
        {
            minX = Math.Min(minX ?? x, x);
            minY = Math.Min(minY ?? y, y);
            maxX = Math.Max(maxX ?? x, x);
            maxY = Math.Max(maxY ?? y, y);
        }

        Execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $x0, $y0, $x1, $y1, 4326)",
            ("$t", table), ("$x0", minX), ("$y0", minY), ("$x1", maxX), ("$y1", maxY));
        Execute(connection, "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, 4326, 0, 0)", ("$t", table), ("$type", type));
    }

    // geometry blobs (OGC 12-128r18 clause 2.1.3: "GP" header with srs_id 4326 and the XY envelope, then WKB) by
    // NetTopologySuite.IO.GeoPackage, two-dimensional
    private static byte[] Blob(Geometry geometry) => new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(geometry);

    private static byte[] Point(double x, double y) => Blob(Wgs84Factory.CreatePoint(new Coordinate(x, y)));

    private static byte[] Line(double x0, double y0, double x1, double y1) =>
        Blob(Wgs84Factory.CreateLineString([new Coordinate(x0, y0), new Coordinate(x1, y1)]));

    // one ring, closed here if the ring's last point does not repeat its first
    private static byte[] Polygon((double X, double Y)[] ring)
    {
        var coordinates = new List<Coordinate>(ring.Length + 1);
        coordinates.AddRange(ring.Select(p => new Coordinate(p.X, p.Y)));
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }

        return Blob(Wgs84Factory.CreatePolygon([.. coordinates]));
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
