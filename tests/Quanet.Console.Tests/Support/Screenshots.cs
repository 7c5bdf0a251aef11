namespace Quanet.Console.Tests.Support;

/// <summary>Where the browser tests keep their screenshots: TestResults/console-screenshots beside the test assembly.</summary>
internal static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "TestResults", "console-screenshots")).FullName;
}
