using Quanet.Core;
using Quanet.Planning.Artifacts;

namespace Quanet.Workflows.Artifacts;

/// <summary>Reads a plan directory's <c>security.geojson</c> (written by <see cref="SecurityGeoJsonWriter"/>).</summary>
public static class SecurityGeoJsonReader
{
    /// <summary>The file name inside a plan directory.</summary>
    public const string FileName = "security.geojson";

    /// <summary>Reads the links and trusted nodes of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFormatException">A feature is malformed: FILE:LINE and the feature.</exception>
    public static SecurityMap Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = ArtifactDocument.Load(path);
        var features = document.Features();
        var links = new List<SecurityMapLink>();
        var nodes = new List<TrustedNodeSite>();
        for (var i = 0; i < features.Count; i++)
        {
            var properties = ArtifactDocument.Properties(features[i]);
            switch (ArtifactDocument.Text(properties, "layer"))
            {
                case "security":
                    var line = document.Line(i, features[i], "a secured link");
                    var from = document.Id(i, properties, "from", "a secured link");
                    var to = document.Id(i, properties, "to", "a secured link");
                    var mode = LinkProtection.ParseMode(ArtifactDocument.Text(properties, "mode"))
                        ?? throw document.Error(i, "\"mode\" must be qkd-direct, qkd-trusted-nodes or pqc-hybrid");
                    links.Add(new SecurityMapLink(from, to, document.Number(i, properties, "length_km", null), mode,
                        (int)document.Number(i, properties, "trusted_nodes", 0), document.Number(i, properties, "key_rate_bps", 0), line[0], line[^1]));
                    break;
                case "trusted-node":
                    nodes.Add(new TrustedNodeSite(document.Id(i, properties, "link", "a trusted node"), (int)document.Number(i, properties, "index", null), document.Point(i, features[i], "a trusted node")));
                    break;
                default:
                    throw document.Error(i, "\"layer\" must be security or trusted-node");
            }
        }

        return new SecurityMap(links, nodes);
    }
}
