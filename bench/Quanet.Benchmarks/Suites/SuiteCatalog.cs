namespace Quanet.Benchmarks.Suites;

/// <summary>
/// Finds the <see cref="ISuite"/> named by the first argument (e.g. <c>gset</c>, <c>pace</c>,
/// <c>setcover</c>, <c>nab</c>); each area adds its runner as a class implementing <see cref="ISuite"/>.
/// </summary>
public static class SuiteCatalog
{
    /// <summary>Runs the suite named by <c>args[0]</c> if there is one.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        var suite = typeof(SuiteCatalog).Assembly.GetTypes()
            .Where(t => typeof(ISuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ISuite)Activator.CreateInstance(t)!)
            .FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (suite is null)
        {
            return false;
        }

        exitCode = suite.Run(args[1..]);
        return true;
    }
}
