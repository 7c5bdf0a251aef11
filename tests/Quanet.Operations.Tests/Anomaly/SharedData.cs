namespace Quanet.Operations.Tests.Anomaly;

/// <summary>Finds <c>shared/</c> next to the repository (walking up from the test binaries).</summary>
internal static class SharedData
{
    public static string NabDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "benchmarks", "nab");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                directory = directory.Parent;
            }

            throw new DirectoryNotFoundException("../shared/benchmarks/nab not found above " + AppContext.BaseDirectory);
        }
    }
}
