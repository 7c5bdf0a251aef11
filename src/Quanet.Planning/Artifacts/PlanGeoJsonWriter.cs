using System.Text.Json;
using NetTopologySuite.Geometries;
using Quanet.Planning.Geography;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Writes <c>plan.geojson</c>: a FeatureCollection (RFC 7946, lon/lat) whose features carry a <c>kind</c>:
/// <c>region</c> (outline), <c>coverage</c> (one polygon per chosen site, the coverage circle as a 72-gon on the
/// sphere), <c>site</c> (Point: id, name, population_covered, cost, height_m, radius_m, flag) and <c>demand</c>
/// (Point: id, name, population, covered, site), the capacity figures of <see cref="Plan.Radio"/> (site: status,
/// capacity_mbps, load_mbps; demand: sinr_db), <c>removed_site</c> for existing sites the plan removes, and the top-level <c>"quanet_version"</c>
/// (<see cref="ArtifactVersion"/>). Other tools read it back through <see cref="PlanGeoJsonReader"/>.
/// </summary>
public static partial class PlanGeoJsonWriter
{
    /// <summary>Writes the plan to <paramref name="path"/> (created or replaced).</summary>
    public static void Save(Plan plan, string path)
    {
        using var stream = File.Create(path);
        Write(plan, stream);
    }

    /// <summary>Writes the plan to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Write(Plan plan, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stream);
        var s = plan.Scenario;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber(ArtifactVersion.Field, ArtifactVersion.Current);
        w.WriteStartObject("plan");
        w.WriteString("region", s.Region.Name);
        w.WriteString("solver", plan.Result.Solver);
        w.WriteNumber("covered_population", plan.CoveredWeight);
        w.WriteNumber("total_population", plan.TotalWeight);
        w.WriteNumber("sites", plan.Result.Sites.Length);
        w.WriteNumber("band_mhz", s.Request.BandMegahertz);
        w.WriteString("model", s.Model.Name);
        w.WriteNumber("max_path_loss_db", Math.Round(s.MaximumPathLoss.Value, 3));
        w.WriteEndObject();
        w.WriteStartArray("features");

        Feature(w, "region", () => Polygonal(w, s.Region.Outline), () => w.WriteString("name", s.Region.Name));
        foreach (var j in plan.Result.Sites)
        {
            var site = s.Sites[j];
            var radius = s.SiteRadius[j];
            Feature(w, "coverage", () => Circle(w, site.Location, radius), () =>
            {
                w.WriteString("site", site.Id);
                w.WriteNumber("radius_m", Math.Round(radius, 1));
            });
        }

        foreach (var j in plan.Result.Sites)
        {
            var site = s.Sites[j];
            Feature(w, "site", () => PointGeometry(w, site.Location), () =>
            {
                w.WriteString("id", site.Id);
                w.WriteString("name", site.Name);
                w.WriteNumber("population_covered", plan.SitePopulation[j]);
                w.WriteNumber("cost", site.Cost);
                w.WriteNumber("height_m", site.Height.Value);
                w.WriteNumber("radius_m", Math.Round(s.SiteRadius[j], 1));
                w.WriteString("flag", site.Flag.ToString().ToLowerInvariant());
                SiteCapacity(w, plan, j);
            });
        }

        RemovedSites(w, plan);

        for (var d = 0; d < s.Demand.Count; d++)
        {
            var point = s.Demand[d];
            var serving = plan.ServingSite[d];
            Feature(w, "demand", () => PointGeometry(w, point.Location), () =>
            {
                w.WriteString("id", point.Id);
                w.WriteString("name", point.Name);
                w.WriteNumber("population", point.Weight);
                w.WriteBoolean("covered", serving >= 0);
                if (serving >= 0)
                {
                    w.WriteString("site", s.Sites[serving].Id);
                }
                else
                {
                    w.WriteNull("site");
                }

                DemandSinr(w, plan, d);
            });
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A position as the file records it: each coordinate rounded to 1e-6 degrees (about 0.1 m).</summary>
    public static GeoPoint Recorded(GeoPoint point) => new(Math.Round(point.Latitude, 6), Math.Round(point.Longitude, 6));

    private static void Feature(Utf8JsonWriter w, string kind, Action geometry, Action properties)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WritePropertyName("geometry");
        geometry();
        w.WriteStartObject("properties");
        w.WriteString("kind", kind);
        properties();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void PointGeometry(Utf8JsonWriter w, GeoPoint p)
    {
        w.WriteStartObject();
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        Position(w, p.Longitude, p.Latitude);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Circle(Utf8JsonWriter w, GeoPoint centre, double radius)
    {
        w.WriteStartObject();
        w.WriteString("type", "Polygon");
        w.WriteStartArray("coordinates");
        w.WriteStartArray();

        // counter-clockwise exterior ring as RFC 7946 recommends
        foreach (var (longitude, latitude) in CoverageCircle.Ring(centre, radius))
        {
            w.WriteStartArray();
            Position(w, longitude, latitude);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Polygonal(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        w.WriteString("type", "MultiPolygon");
        w.WriteStartArray("coordinates");
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }

            w.WriteStartArray();
            Ring(w, polygon.ExteriorRing);
            foreach (var hole in polygon.InteriorRings)
            {
                Ring(w, hole);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Ring(Utf8JsonWriter w, LineString ring)
    {
        w.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            w.WriteStartArray();
            Position(w, c.X, c.Y);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, double lon, double lat)
    {
        w.WriteNumberValue(Math.Round(lon, 6));
        w.WriteNumberValue(Math.Round(lat, 6));
    }
}
