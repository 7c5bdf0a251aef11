using System.Diagnostics;
using Quanet.Optimization.Steiner;
using Quanet.Testing;

namespace Quanet.SteinerNative.Tests;

/// <summary>The native executable as a PACE harness runs it: the instance on standard input, SIGTERM at the deadline.</summary>
public sealed class NativeExecutableTests(NativeExecutable native) : IClassFixture<NativeExecutable>
{
    [RequiresClangFact]
    public async Task The_native_executable_reads_standard_input_and_writes_the_optimal_tree()
    {
        var path = SharedBenchmarks.Example("steiner/instance057.gr");
        using var process = Start(native.Program, "--time", "30");
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(path));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal((353, 353), TreeLines.Check(StpReader.ReadFile(path), output));
    }

    [RequiresClangFact]
    public async Task SIGTERM_makes_the_native_executable_write_its_best_tree_and_exit_0()
    {
        // nobody proves instance171 in 30 s: SIGTERM after 1.5 s always comes before the end
        var path = SharedBenchmarks.Example("steiner-open/instance171.gr");
        using var process = Start(native.Program, path, "--time", "60");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(0, process.ExitCode);
        var (value, cost) = TreeLines.Check(StpReader.ReadFile(path), await output);
        Assert.Equal(value, cost);
        Assert.InRange(cost, 42, 60);
    }

    private static Process Start(string program, params string[] args) =>
        Process.Start(new ProcessStartInfo(program, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
}
