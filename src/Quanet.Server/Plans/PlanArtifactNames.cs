namespace Quanet.Server.Plans;

/// <summary>
/// The fixed list of files a job's result may hold, with their file names in <c>DATA/plans/{id}/</c> and media
/// types. Only these names are served: a request for anything else is 404, so no path reaches outside the job.
/// </summary>
internal static class PlanArtifactNames
{
    /// <summary>Every artifact name, in the order listings show them.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["plan.geojson", "backhaul.geojson", "security.json", "security.geojson", "plan.kml", "plan.gpkg", "plan.png", "report.html"];

    /// <summary>The file of <paramref name="name"/> (report.html is the writer's plan.html), or null for an unknown name.</summary>
    public static string? FileName(string name) => All.Contains(name, StringComparer.Ordinal)
        ? name == "report.html" ? "plan.html" : name
        : null;

    /// <summary>The media type of <paramref name="name"/>.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".geojson" => "application/geo+json",
        ".json" => "application/json",
        ".kml" => "application/vnd.google-earth.kml+xml",
        ".gpkg" => "application/geopackage+sqlite3",
        ".png" => "image/png",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>The artifacts present in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Present(string directory) =>
        [.. All.Where(n => File.Exists(Path.Combine(directory, FileName(n)!)))];
}
