using Quanet.Testing;

namespace Quanet.SteinerNative.Tests;

/// <summary>A fact that publishes with native AOT, which links with clang (Debian clang, installed by .ci/clang.sh); skipped with the reason without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresClangFactAttribute : FactAttribute
{
    public RequiresClangFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "the native executable is tested on Linux only";
        }
        else if (ProgramPath.Find("clang") is null)
        {
            Skip = "native AOT publishing needs clang, which is not on PATH (run .ci/clang.sh as root)";
        }
    }
}
