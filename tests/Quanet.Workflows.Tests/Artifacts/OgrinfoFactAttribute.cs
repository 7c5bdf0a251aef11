namespace Quanet.Workflows.Tests.Artifacts;

/// <summary>A fact that needs GDAL's <c>ogrinfo</c>; skipped with the reason where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OgrinfoFactAttribute : FactAttribute
{
    public OgrinfoFactAttribute()
    {
        if (Program is null)
        {
            Skip = "ogrinfo is not installed (Debian package gdal-bin)";
        }
    }

    /// <summary>The path of ogrinfo, or null.</summary>
    public static string? Program { get; } = new[] { "/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo" }.FirstOrDefault(File.Exists);
}
