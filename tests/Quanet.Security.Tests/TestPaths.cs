namespace Quanet.Security.Tests;

/// <summary>Locates the repository root (the folder holding Quanet.slnx) from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Quanet.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Quanet.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Vector(string name) => Path.Combine(AppContext.BaseDirectory, "Pqc", "Vectors", name);
}
