using Quanet.Core;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Artifacts;

/// <summary>
/// Reads a plan directory's <c>backhaul.geojson</c> (written by <see cref="BackhaulGeoJsonWriter"/>, or by hand): a
/// FeatureCollection of LineString features whose properties hold <c>from</c>, <c>to</c> (node ids) and
/// <c>length_km</c>; <c>cost</c> (default: the length, new fibre at 1 per km) and <c>existing</c> (default false) are
/// optional. The link runs between the line's first and last positions.
/// </summary>
public static class BackhaulGeoJsonReader
{
    /// <summary>The file name inside a plan directory.</summary>
    public const string FileName = "backhaul.geojson";

    /// <summary>Reads the links of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFormatException">A feature is not a link: FILE:LINE and the feature.</exception>
    public static IReadOnlyList<BackhaulLink> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = ArtifactDocument.Load(path);
        var features = document.Features();
        var links = new List<BackhaulLink>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var line = document.Line(i, features[i], "a backhaul link");
            var properties = ArtifactDocument.Properties(features[i]);
            var from = document.Id(i, properties, "from", "a backhaul link");
            var to = document.Id(i, properties, "to", "a backhaul link");
            var where = $"link {from} -> {to}: ";
            var km = document.Number(i, properties, "length_km", double.NaN, where);
            if (!(km >= 0))
            {
                throw document.Error(i, where + "\"length_km\" must be a number >= 0");
            }

            var cost = document.Number(i, properties, "cost", km, where);
            links.Add(new BackhaulLink(from, to, km, cost, document.Boolean(i, properties, "existing", false), line[0].Latitude, line[0].Longitude, line[^1].Latitude, line[^1].Longitude));
        }

        return links;
    }
}
