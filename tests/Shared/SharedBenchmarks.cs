namespace Quanet.Testing;

/// <summary>
/// The shared benchmark sets (<c>../shared</c> beside the repository: Gset, OR-Library, PACE 2018, NAB) and the
/// repository's own <c>examples/</c>. A user's fresh clone has no <c>../shared</c>: tests that need it are
/// marked <see cref="RequiresSharedFactAttribute"/> and are skipped with that reason instead of failing.
/// </summary>
internal static class SharedBenchmarks
{
    /// <summary>The repository root (the folder holding Quanet.slnx above the test binaries).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Quanet.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Quanet.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary><c>../shared</c> beside the repository, or null when it is absent.</summary>
    public static string? Root
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>A path under <c>../shared</c>; only call it from a test marked <see cref="RequiresSharedFactAttribute"/>.</summary>
    public static string Locate(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException("../shared is absent"), relative);

    /// <summary>A path under the repository's <c>examples/</c>.</summary>
    public static string Example(string relative) => Path.Combine(RepositoryRoot, "examples", relative);

    /// <summary>Why a test that needs <paramref name="relative"/> under <c>../shared</c> cannot run here, or null.</summary>
    public static string? MissingReason(string relative)
    {
        var root = Root;
        return root is not null && (Directory.Exists(Path.Combine(root, relative)) || File.Exists(Path.Combine(root, relative)))
            ? null
            : $"needs ../shared/{relative} (the shared benchmark sets), which is not beside this clone";
    }
}

/// <summary>A fact that needs a part of <c>../shared</c>; skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresSharedFactAttribute : FactAttribute
{
    /// <summary>Marks the test as needing <paramref name="relative"/> under <c>../shared</c>.</summary>
    public RequiresSharedFactAttribute(string relative)
    {
        if (SharedBenchmarks.MissingReason(relative) is { } reason)
        {
            Skip = reason;
        }
    }
}
