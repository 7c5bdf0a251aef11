namespace Quanet.Optimization.Tests.Steiner;

/// <summary>Finds <c>../shared</c> beside the repository root (the folder holding Quanet.slnx).</summary>
internal static class SharedData
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Quanet.slnx")))
        {
            dir = dir.Parent;
        }

        var shared = dir is null ? "../shared" : Path.Combine(dir.FullName, "..", "shared");
        return Directory.Exists(shared) ? shared : "/work/shared";
    }
}
