using System.Text.Json;
using System.Text.Json.Nodes;
using Quanet.Planning.Artifacts;
using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>
/// Writes a plan directory's <c>security.json</c>: the policy (required rate, trusted-node limit, protocol, PQC group,
/// link parameters), a summary by mode and one entry per link. Read back by <see cref="SecurityJsonReader"/>.
/// </summary>
public static class SecurityJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="decisions"/> to <paramref name="path"/> (created or replaced), with the version field.</summary>
    public static void Save(SecurityDecisions decisions, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, Document(decisions, versioned: true).ToJsonString(Indented));
    }

    /// <summary>
    /// The document; <paramref name="versioned"/> puts <see cref="ArtifactVersion.Field"/> first, as the file has it
    /// (a host printing the decisions leaves it out).
    /// </summary>
    public static JsonObject Document(SecurityDecisions decisions, bool versioned = false)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var p = decisions.Policy;
        var links = new JsonArray();
        foreach (var (from, to, d) in decisions.Links)
        {
            links.Add(new JsonObject
            {
                ["from"] = from,
                ["to"] = to,
                ["length_km"] = d.LengthKm,
                ["mode"] = LinkProtection.ModeName(d.Mode),
                ["trusted_nodes"] = d.TrustedNodes,
                ["segment_km"] = d.SegmentKm,
                ["key_rate_bps"] = d.KeyRateBitsPerSecond,
                ["direct_rate_bps"] = d.DirectRateBitsPerSecond,
                ["reason"] = d.Reason,
            });
        }

        var document = new JsonObject();
        if (versioned)
        {
            document[ArtifactVersion.Field] = ArtifactVersion.Current;
        }

        document["required_rate_bps"] = p.RequiredRateBitsPerSecond;
        document["max_trusted_nodes"] = p.MaxTrustedNodes;
        document["protocol"] = SecurityPolicy.ProtocolName(p.Protocol);
        document["pqc_group"] = SecurityDecisions.PqcGroup;
        document["link_parameters"] = new JsonObject
        {
            ["attenuation_db_per_km"] = p.Link.AttenuationDbPerKm,
            ["detector_efficiency"] = p.Link.DetectorEfficiency,
            ["dark_count_yield"] = p.Link.DarkCountYield,
            ["misalignment"] = p.Link.Misalignment,
            ["ec_efficiency"] = p.Link.ErrorCorrectionEfficiency,
            ["clock_rate_hz"] = p.Link.ClockRateHz,
        };
        document["summary"] = new JsonObject
        {
            ["qkd_direct"] = decisions.Count(LinkSecurityMode.QkdDirect),
            ["qkd_trusted_nodes"] = decisions.Count(LinkSecurityMode.QkdTrustedNodes),
            ["pqc_hybrid"] = decisions.Count(LinkSecurityMode.PqcHybrid),
            ["trusted_nodes_total"] = decisions.TrustedNodesTotal,
        };
        document["links"] = links;
        return document;
    }
}
