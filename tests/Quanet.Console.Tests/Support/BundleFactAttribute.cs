using Quanet.Server.WebConsole;

namespace Quanet.Console.Tests.Support;

/// <summary>A test of the built console files (no browser): skipped, with the reason, where the build could not bundle them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BundleFactAttribute : FactAttribute
{
    public BundleFactAttribute()
    {
        if (!File.Exists(Path.Combine(ConsoleBundle.DefaultRoot, "index.html")))
        {
            Skip = "the console bundle is missing: " + ConsoleNotBuilt.Reason;
        }
    }
}
