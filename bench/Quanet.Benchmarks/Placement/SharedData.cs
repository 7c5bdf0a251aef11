namespace Quanet.Benchmarks.Placement;

/// <summary>
/// Finds the shared data folder: <c>../shared</c> beside the repository (the folder holding Quanet.slnx),
/// or, for a git worktree nested deeper, the nearest <c>shared</c> folder further up.
/// </summary>
internal static class SharedData
{
    public static string Root()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Quanet.slnx")))
        {
            repo = repo.Parent;
        }

        for (var dir = repo?.Parent; dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "benchmarks")))
            {
                return shared;
            }
        }

        throw new DirectoryNotFoundException("no shared/benchmarks folder beside or above the repository");
    }
}
