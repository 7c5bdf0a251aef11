using Quanet.Core;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Reads a plan directory's <c>plan.geojson</c> (written by <see cref="PlanGeoJsonWriter"/>; files from before the
/// <see cref="ArtifactVersion"/> field read too): the <c>site</c> and <c>demand</c> Point features; other kinds are skipped.
/// </summary>
public static class PlanGeoJsonReader
{
    /// <summary>The file name inside a plan directory.</summary>
    public const string FileName = "plan.geojson";

    /// <summary>Reads <paramref name="path"/>: a plan.geojson file or a plan directory.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFormatException">The file is not a plan: FILE:LINE and the feature.</exception>
    public static PlanArtifact Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        using var document = ArtifactDocument.Load(file);
        var features = document.Features();
        var sites = new List<PlanSite>();
        var demand = new List<PlanDemand>();
        for (var i = 0; i < features.Count; i++)
        {
            var properties = ArtifactDocument.Properties(features[i]);
            switch (ArtifactDocument.Text(properties, "kind"))
            {
                case "site":
                    var id = document.Id(i, properties, "id", "a site");
                    sites.Add(new PlanSite(id, ArtifactDocument.Text(properties, "name", id)!, document.Point(i, features[i], "a site"), document.Number(i, properties, "population_covered", 0), document.Number(i, properties, "radius_m", 0),
                        document.Number(i, properties, "cost", 1), document.Number(i, properties, "height_m", 0), CandidateFlag.Parse(ArtifactDocument.Text(properties, "flag", string.Empty))?.Flag ?? SiteFlag.Free));
                    break;
                case "demand":
                    var demandId = ArtifactDocument.Text(properties, "id", string.Empty)!;
                    var point = new DemandPoint(demandId, ArtifactDocument.Text(properties, "name", demandId)!, document.Number(i, properties, "population", null), document.Point(i, features[i], "a demand point"));
                    demand.Add(new PlanDemand(point, document.Boolean(i, properties, "covered", false)));
                    break;
            }
        }

        if (sites.Count == 0)
        {
            throw new InputFormatException(file, 1, "no features with kind \"site\": not a quanet plan");
        }

        return new PlanArtifact(sites, demand);
    }
}
