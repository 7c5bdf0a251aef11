using Quanet.Testing;

namespace Quanet.Planning.Tests.Terrain;

/// <summary>A fact skipped, with the reason shown, when a program (GDAL's command-line tools) is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(params string[] programs)
    {
        foreach (var program in programs)
        {
            if (ProgramPath.Find(program) is null)
            {
                Skip = $"{program} is not installed on this machine (Debian package gdal-bin)";
                return;
            }
        }
    }
}
