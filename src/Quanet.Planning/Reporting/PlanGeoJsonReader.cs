using Quanet.Core;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Reporting;

/// <summary>Reads the sites and demand of a plan written by <see cref="PlanGeoJsonWriter"/> (for backhaul, operations).</summary>
public static class PlanGeoJsonReader
{
    /// <summary>The file name inside a plan directory.</summary>
    public const string FileName = "plan.geojson";

    /// <summary>Reads the <c>site</c> features of <paramref name="path"/> (a plan.geojson file or a plan directory).</summary>
    /// <exception cref="InputFormatException">The file is not a plan.</exception>
    public static IReadOnlyList<PlanSite> ReadSites(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        var geo = GeoJsonFile.Parse(File.ReadAllBytes(file), Path.GetFileName(file));
        var sites = new List<PlanSite>();
        for (var i = 0; i < geo.Features.Count; i++)
        {
            var attributes = geo.Features[i].Attributes;
            if (GeoJsonFile.Text(attributes, "kind", string.Empty) != "site")
            {
                continue;
            }

            var id = GeoJsonFile.Text(attributes, "id", string.Empty);
            if (id.Length == 0)
            {
                throw geo.Error(i, "site without an id");
            }

            sites.Add(new PlanSite(id, GeoJsonFile.Text(attributes, "name", id), PointFileReader.PointOf(geo, i), geo.Number(i, attributes, "population_covered", 0)));
        }

        if (sites.Count == 0)
        {
            throw new InputFormatException(geo.File, 1, "no features with kind \"site\": not a quanet plan");
        }

        return sites;
    }

    /// <summary>Reads the <c>demand</c> features of <paramref name="path"/> (a plan.geojson file or a plan directory).</summary>
    public static IReadOnlyList<(DemandPoint Demand, bool Covered)> ReadDemand(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        var geo = GeoJsonFile.Parse(File.ReadAllBytes(file), Path.GetFileName(file));
        var demand = new List<(DemandPoint, bool)>();
        for (var i = 0; i < geo.Features.Count; i++)
        {
            var attributes = geo.Features[i].Attributes;
            if (GeoJsonFile.Text(attributes, "kind", string.Empty) != "demand")
            {
                continue;
            }

            var id = GeoJsonFile.Text(attributes, "id", string.Empty);
            var covered = attributes is not null && attributes.Exists("covered") && attributes["covered"] is true;
            demand.Add((new DemandPoint(id, GeoJsonFile.Text(attributes, "name", id), geo.Number(i, attributes, "population", null), PointFileReader.PointOf(geo, i)), covered));
        }

        return demand;
    }
}
