using System.Text.Json;
using Quanet.Core;
using Quanet.Planning.Artifacts;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;

namespace Quanet.Workflows.Artifacts;

/// <summary>Reads a plan directory's <c>security.json</c> (written by <see cref="SecurityJsonWriter"/>).</summary>
public static class SecurityJsonReader
{
    /// <summary>The file name inside a plan directory.</summary>
    public const string FileName = "security.json";

    /// <summary>Reads the policy and the per-link decisions of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFormatException">A field is missing or of the wrong type: FILE:LINE and the link.</exception>
    public static SecurityDecisions Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var document = ArtifactDocument.Load(path);
        var root = document.Root;
        var parameters = root.TryGetProperty("link_parameters", out var lp) && lp.ValueKind == JsonValueKind.Object ? lp : default;
        var policy = new SecurityPolicy
        {
            RequiredRateBitsPerSecond = Number(document, root, "required_rate_bps"),
            MaxTrustedNodes = (int)Number(document, root, "max_trusted_nodes"),
            Protocol = SecurityPolicy.ParseProtocol(ArtifactDocument.Text(root, "protocol"))
                ?? throw new InputFormatException(path, 1, "\"protocol\" must be decoy, vacuum-weak or gllp"),
            Link = new QkdLinkParameters
            {
                AttenuationDbPerKm = Number(document, parameters, "attenuation_db_per_km"),
                DetectorEfficiency = Number(document, parameters, "detector_efficiency"),
                DarkCountYield = Number(document, parameters, "dark_count_yield"),
                Misalignment = Number(document, parameters, "misalignment"),
                ErrorCorrectionEfficiency = Number(document, parameters, "ec_efficiency"),
                ClockRateHz = Number(document, parameters, "clock_rate_hz"),
            },
        };

        var items = document.Items("links", "a \"links\" array");
        var links = new List<LinkProtection>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var l = items[i];
            var from = document.Id(i, l, "from", "a link");
            var to = document.Id(i, l, "to", "a link");
            var where = $"{from} -> {to}: ";
            var mode = LinkProtection.ParseMode(ArtifactDocument.Text(l, "mode"))
                ?? throw document.Error(i, where + "\"mode\" must be qkd-direct, qkd-trusted-nodes or pqc-hybrid");
            var decision = new LinkSecurityDecision(
                mode,
                document.Number(i, l, "length_km", null, where),
                document.Number(i, l, "direct_rate_bps", null, where),
                (int)document.Number(i, l, "trusted_nodes", null, where),
                document.Number(i, l, "segment_km", null, where),
                document.Number(i, l, "key_rate_bps", null, where),
                ArtifactDocument.Text(l, "reason", string.Empty)!);
            links.Add(new LinkProtection(from, to, decision));
        }

        return new SecurityDecisions(policy, links);
    }

    private static double Number(ArtifactDocument document, JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new InputFormatException(document.File, 1, $"\"{key}\" must be a number");
}
