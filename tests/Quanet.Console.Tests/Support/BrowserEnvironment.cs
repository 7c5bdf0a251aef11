using Quanet.Server.WebConsole;

namespace Quanet.Console.Tests.Support;

/// <summary>What the browser tests need from the machine: Debian's Chromium and the bundled console.</summary>
internal static class BrowserEnvironment
{
    /// <summary>The system browser (Debian package <c>chromium</c>); Playwright's own browser downloads are never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Launch flags for a headless run on a machine without GPU, network or a user profile.</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    private static string? FindMissing()
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"{ChromiumPath} is not installed (Debian package chromium; .ci/chromium.sh installs it)";
        }

        if (!File.Exists(Path.Combine(ConsoleBundle.DefaultRoot, "index.html")))
        {
            return "the console bundle is missing: " + ConsoleNotBuilt.Reason;
        }

        return null;
    }
}
