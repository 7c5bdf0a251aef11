namespace Quanet.Cli.Tests;

/// <summary>Folders the plan command tests write into and read examples from.</summary>
internal static class PlanFolders
{
    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "quanet-plan-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The repository's root (the folder holding Quanet.slnx above the test binaries).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Quanet.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Quanet.slnx not found above the test binaries");
    }
}
