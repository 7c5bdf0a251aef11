using System.Diagnostics;
using System.Runtime.InteropServices;
using Quanet.Testing;

namespace Quanet.SteinerNative.Tests;

/// <summary>
/// <c>quanet-steiner</c> published with native AOT into a temporary folder, once for the test class. The publish has
/// its own artifacts folder, so that it never writes where the solution's build and the other test runs read.
/// </summary>
public sealed class NativeExecutable : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "quanet-steiner-aot-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _program;

    public NativeExecutable() => _program = new Lazy<string>(Publish);

    /// <summary>The published executable (published on first use).</summary>
    public string Program => _program.Value;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Publish()
    {
        var project = Path.Combine(SharedBenchmarks.RepositoryRoot, "src", "Quanet.SteinerNative", "Quanet.SteinerNative.csproj");
        var output = Path.Combine(_folder, "out");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output, "--artifacts-path", Path.Combine(_folder, "artifacts"), "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // the test host's MSBuild settings are not the child build's
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of quanet-steiner took more than 10 minutes");
        }

        var program = Path.Combine(output, "quanet-steiner");
        Assert.True(process.ExitCode == 0 && File.Exists(program), $"dotnet publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return program;
    }
}
