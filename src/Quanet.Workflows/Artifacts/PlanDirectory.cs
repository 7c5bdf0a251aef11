using Quanet.Core;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;

namespace Quanet.Workflows.Artifacts;

/// <summary>Reads the artifacts of a plan directory, each through its one reader; a missing file is a domain error.</summary>
public static class PlanDirectory
{
    /// <summary>The sites and demand of <paramref name="directory"/>/plan.geojson.</summary>
    /// <exception cref="QuanetException">No plan there, or a malformed one (<see cref="InputFormatException"/>).</exception>
    public static PlanArtifact ReadPlan(string directory) =>
        PlanGeoJsonReader.Read(Existing(directory, PlanGeoJsonReader.FileName));

    /// <summary>The links of <paramref name="directory"/>/backhaul.geojson.</summary>
    /// <exception cref="QuanetException">No backhaul there, or a malformed one (<see cref="InputFormatException"/>).</exception>
    public static IReadOnlyList<BackhaulLink> ReadBackhaul(string directory) =>
        BackhaulGeoJsonReader.Read(Existing(directory, BackhaulGeoJsonReader.FileName));

    /// <summary>Whether <paramref name="directory"/> holds a backhaul.</summary>
    public static bool HasBackhaul(string directory) => File.Exists(Path.Combine(directory, BackhaulGeoJsonReader.FileName));

    private static string Existing(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw new QuanetException($"{path}: not found (not a plan directory, or the step that writes it has not run)");
    }
}
