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
        else if (!OnPath("clang"))
        {
            Skip = "native AOT publishing needs clang, which is not on PATH (run .ci/clang.sh as root)";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
