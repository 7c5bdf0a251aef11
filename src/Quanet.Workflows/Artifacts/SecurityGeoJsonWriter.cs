using System.Text.Json;
using System.Text.Json.Nodes;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>
/// Writes a plan directory's <c>security.geojson</c>, the map layer of the decisions: one LineString per link
/// (<c>layer</c> "security", from, to, length_km, mode, trusted_nodes, key_rate_bps, stroke colour) followed by one
/// Point per trusted node (<c>layer</c> "trusted-node", link "FROM-TO", index), spaced evenly along the link.
/// Read back by <see cref="SecurityGeoJsonReader"/>.
/// </summary>
public static class SecurityGeoJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the layer of <paramref name="decisions"/> over <paramref name="links"/> to <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The decisions are not for these links (count or ends differ).</exception>
    public static void Save(SecurityDecisions decisions, IReadOnlyList<BackhaulLink> links, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, Document(decisions, links).ToJsonString(Indented));
    }

    /// <summary>The layer as a GeoJSON FeatureCollection.</summary>
    /// <exception cref="ArgumentException">The decisions are not for these links (count or ends differ).</exception>
    public static JsonObject Document(SecurityDecisions decisions, IReadOnlyList<BackhaulLink> links)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(links);
        if (decisions.Links.Count != links.Count)
        {
            throw new ArgumentException($"{decisions.Links.Count} decisions for {links.Count} links", nameof(links));
        }

        var features = new JsonArray();
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            var (from, to, d) = decisions.Links[i];
            if (from != l.From || to != l.To)
            {
                throw new ArgumentException($"decision {i + 1} is for {from} -> {to}, the link is {l.From} -> {l.To}", nameof(links));
            }

            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(new JsonArray(l.FromLon, l.FromLat), new JsonArray(l.ToLon, l.ToLat)) },
                ["properties"] = new JsonObject
                {
                    ["layer"] = "security",
                    ["from"] = from,
                    ["to"] = to,
                    ["length_km"] = d.LengthKm,
                    ["mode"] = LinkProtection.ModeName(d.Mode),
                    ["trusted_nodes"] = d.TrustedNodes,
                    ["key_rate_bps"] = d.KeyRateBitsPerSecond,
                    ["stroke"] = d.Mode switch { LinkSecurityMode.QkdDirect => "#1b9e77", LinkSecurityMode.QkdTrustedNodes => "#7570b3", _ => "#d95f02" },
                },
            });

            // a link is one straight segment in lon/lat, so equal fractions of it are equal fractions of its length
            for (var node = 1; node <= d.TrustedNodes; node++)
            {
                var t = (double)node / (d.TrustedNodes + 1);
                features.Add(new JsonObject
                {
                    ["type"] = "Feature",
                    ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(l.FromLon + (t * (l.ToLon - l.FromLon)), l.FromLat + (t * (l.ToLat - l.FromLat))) },
                    ["properties"] = new JsonObject { ["layer"] = "trusted-node", ["link"] = $"{from}-{to}", ["index"] = node },
                });
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", [ArtifactVersion.Field] = ArtifactVersion.Current, ["features"] = features };
    }
}
