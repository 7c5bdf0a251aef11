using System.Diagnostics;
using Quanet.Optimization.Exact;

namespace Quanet.Cli.Tests;

/// <summary>
/// A machine where OR-Tools' native library does not load (another platform, or a package restored for one
/// platform only): the solvers that need it say so in one line before any work; the others still run.
/// </summary>
public sealed class MissingNativeSolverTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("quanet-no-ortools-").FullName;

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Here_the_native_library_loads()
    {
        Assert.Null(OrToolsRuntime.Unavailable);
    }

    [Fact]
    public async Task Without_the_native_library_cpsat_is_refused_in_one_line_and_the_heuristic_still_plans()
    {
        CopyWithoutOrToolsNatives(AppContext.BaseDirectory, _copy);

        var (cpsatCode, _, cpsatError) = await Run("plan", "--sites", "3", "--solver", "cpsat", "--out", Path.Combine(_copy, "p1"));
        var (heuristicCode, heuristicOutput, heuristicError) = await Run("plan", "--sites", "3", "--solver", "heuristic", "--time", "2", "--json", "--out", Path.Combine(_copy, "p2"));

        Assert.Equal(2, cpsatCode);
        var line = Assert.Single(cpsatError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --solver cpsat: the OR-Tools native library does not load on ", line, StringComparison.Ordinal);
        Assert.True(heuristicCode == 0, heuristicError);
        Assert.Contains("\"sites\": 3", heuristicOutput, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(_copy, "quanet.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _copy,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }

    // every file of the build output but OR-Tools' native libraries (the managed Google.OrTools.dll stays)
    private static void CopyWithoutOrToolsNatives(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.Contains("ortools", StringComparison.OrdinalIgnoreCase) && !name.Equals("Google.OrTools.dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
