using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Anomaly;

/// <summary>Reads NAB's <c>config/profiles.json</c>: profile name to <c>{"CostMatrix": {tpWeight, fpWeight, fnWeight, tnWeight}}</c>.</summary>
internal static class NabProfileReader
{
    public static IReadOnlyList<NabProfile> Read(string path) => Parse(FormatLimits.Default.ReadAllText(path), path);

    /// <summary>Parses the profiles from <paramref name="json"/>; <paramref name="path"/> names it in errors.</summary>
    public static IReadOnlyList<NabProfile> Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FormatLimits.Default.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(path, (int)(ex.LineNumber ?? -1) + 1, "malformed JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException(path, 1, "expected an object mapping profile names to {\"CostMatrix\": {...}}");
            }

            var profiles = new List<NabProfile>();
            foreach (var profile in document.RootElement.EnumerateObject())
            {
                if (profile.Value.ValueKind != JsonValueKind.Object
                    || !profile.Value.TryGetProperty("CostMatrix", out var matrix)
                    || matrix.ValueKind != JsonValueKind.Object)
                {
                    throw new InputFormatException(path, 0, $"profile '{Printable.Escape(profile.Name)}' has no CostMatrix object");
                }

                profiles.Add(new NabProfile(profile.Name, new NabCostMatrix(
                    Weight(path, profile.Name, matrix, "tpWeight"),
                    Weight(path, profile.Name, matrix, "fpWeight"),
                    Weight(path, profile.Name, matrix, "fnWeight"),
                    matrix.TryGetProperty("tnWeight", out _) ? Weight(path, profile.Name, matrix, "tnWeight") : 1.0)));
            }

            if (profiles.Count == 0)
            {
                throw new InputFormatException(path, 0, "no profiles");
            }

            return profiles;
        }
    }

    private static double Weight(string path, string profile, JsonElement matrix, string name)
    {
        if (!matrix.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var weight) || !double.IsFinite(weight) || weight < 0)
        {
            throw new InputFormatException(path, 0, $"profile '{Printable.Escape(profile)}': CostMatrix.{name} must be a non-negative number");
        }

        return weight;
    }
}
