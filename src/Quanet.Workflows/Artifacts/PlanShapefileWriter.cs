using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;

namespace Quanet.Workflows.Artifacts;

/// <summary>
/// Writes a plan as Esri Shapefiles, one file set (.shp, .shx, .dbf, .prj, .cpg) per geometry type as the format
/// requires, through NetTopologySuite.IO.Esri: <c>plan_sites</c> (points: id, name, pop_cov, radius_m, cost,
/// height_m, flag: read back as candidates by <c>--candidates plan_sites.shp</c>),
/// <c>plan_coverage</c> (polygons, outer rings clockwise as the Esri specification wants: site_id, radius_m),
/// <c>plan_demand</c> (points: id, name, population, covered) and, with a backhaul, <c>plan_backhaul</c> (lines:
/// from_id, to_id, length_km, existing) and, with the links' protection (<c>--secure</c>), <c>plan_links</c> (lines:
/// from_id, to_id, length_km, mode, trusted_n, key_rate). Coordinates in WGS 84 (EPSG:4326), attributes UTF-8.
/// </summary>
public static class PlanShapefileWriter
{
    /// <summary>The .prj of every file set: WGS 84 geographic in the ESRI WKT dialect.</summary>
    public const string Wgs84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Writes the file sets into <paramref name="directory"/> (replacing them).</summary>
    /// <returns>The .shp files written.</returns>
    /// <param name="plan">Sites and demand.</param>
    /// <param name="links">The backhaul links (may be empty).</param>
    /// <param name="directory">The directory.</param>
    /// <param name="security">The links' protection, one decision per link; null for none.</param>
    public static IReadOnlyList<string> Save(PlanArtifact plan, IReadOnlyList<BackhaulLink> links, string directory, SecurityDecisions? security = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(directory);
        var files = new List<string>();
        Write(files, directory, "plan_sites", plan.Sites.Select(s => Feature(Point(s.Location.Longitude, s.Location.Latitude),
            ("id", s.Id), ("name", s.Name), ("pop_cov", s.PopulationCovered), ("radius_m", s.RadiusMetres),
            ("cost", s.Cost), ("height_m", s.HeightMetres), ("flag", s.Flag.ToString().ToLowerInvariant()))));
        Write(files, directory, "plan_coverage", plan.Sites.Where(s => s.RadiusMetres > 0).Select(s =>
            Feature(Clockwise(CoverageCircle.Ring(s.Location, s.RadiusMetres)), ("site_id", s.Id), ("radius_m", s.RadiusMetres))));
        Write(files, directory, "plan_demand", plan.Demand.Select(d => Feature(Point(d.Demand.Location.Longitude, d.Demand.Location.Latitude),
            ("id", d.Demand.Id), ("name", d.Demand.Name), ("population", d.Demand.Weight), ("covered", d.Covered))));
        Write(files, directory, "plan_backhaul", links.Select(l => Feature(
            Factory.CreateLineString([new Coordinate(l.FromLon, l.FromLat), new Coordinate(l.ToLon, l.ToLat)]),
            ("from_id", l.From), ("to_id", l.To), ("length_km", l.LengthKm), ("existing", l.Existing))));
        if (security is not null)
        {
            // dBase field names hold at most 10 characters
            Write(files, directory, "plan_links", PlanGeoPackageWriter.Protected(links, security).Select(p => Feature(
                Factory.CreateLineString([new Coordinate(p.Link.FromLon, p.Link.FromLat), new Coordinate(p.Link.ToLon, p.Link.ToLat)]),
                ("from_id", p.Link.From), ("to_id", p.Link.To), ("length_km", p.Decision.LengthKm), ("mode", LinkProtection.ModeName(p.Decision.Mode)),
                ("trusted_n", p.Decision.TrustedNodes), ("key_rate", p.Decision.KeyRateBitsPerSecond))));
        }

        return files;
    }

    private static void Write(List<string> files, string directory, string name, IEnumerable<IFeature> features)
    {
        var list = features.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var path = Path.Combine(directory, name + ".shp");
        Shapefile.WriteAllFeatures(list, path, Wgs84);
        files.Add(path);
    }

    private static Feature Feature(Geometry geometry, params (string Name, object? Value)[] attributes)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in attributes)
        {
            table.Add(name, value);
        }

        return new Feature(geometry, table);
    }

    private static Point Point(double longitude, double latitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    // The coverage ring comes counter-clockwise (RFC 7946); a shapefile's outer ring goes clockwise.
    private static Polygon Clockwise((double Longitude, double Latitude)[] ring)
    {
        var coordinates = new Coordinate[ring.Length];
        for (var i = 0; i < ring.Length; i++)
        {
            var (longitude, latitude) = ring[ring.Length - 1 - i];
            coordinates[i] = new Coordinate(longitude, latitude);
        }

        return Factory.CreatePolygon(coordinates);
    }
}
