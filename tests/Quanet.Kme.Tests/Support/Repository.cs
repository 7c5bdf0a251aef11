namespace Quanet.Kme.Tests.Support;

internal static class Repository
{
    /// <summary>The folder holding Quanet.slnx.</summary>
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Quanet.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Quanet.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The built quanet.dll of the same configuration as this test assembly.</summary>
    public static string QuanetDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(Root(), "src", "Quanet.Cli", "bin", configuration, "net10.0", "quanet.dll");
    }
}
