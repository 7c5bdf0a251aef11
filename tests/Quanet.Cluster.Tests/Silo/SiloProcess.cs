using System.Diagnostics;
using System.Globalization;

namespace Quanet.Cluster.Tests.Silo;

/// <summary>A <c>quanet ops silo</c> child process (<c>dotnet quanet.dll ...</c>) on free ports, killed hard on demand.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    /// <summary>Starts a silo on the cluster database <paramref name="connectionString"/> (passed in the environment) and the inventory file.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string inventoryPath, int siloPort, int gatewayPort)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(QuanetDll());
        foreach (var argument in new[]
        {
            "ops", "silo", "--postgres-env", "QUANET_CLUSTER_TEST_PG", "--inventory", inventoryPath,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["QUANET_CLUSTER_TEST_PG"] = connectionString;
        var process = Process.Start(info)!;
        var started = process.StandardOutput.ReadLineAsync();
        var finished = await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(120)));
        if (finished != started || started.Result is null || !started.Result.Contains("silo listening on", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("quanet ops silo did not start: " + started.Result + await process.StandardError.ReadToEndAsync());
        }

        // keep reading so that a full pipe never blocks the silo
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new SiloProcess(process, siloPort);
    }

    /// <summary>SIGKILL: no shutdown code runs, the kernel closes its sockets.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    /// <summary>The quanet.dll built beside these tests (Debug or Release, as the tests).</summary>
    internal static string QuanetDll()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Quanet.slnx")))
        {
            folder = folder.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Quanet.slnx not found"), "src", "Quanet.Cli", "bin", configuration, "net10.0", "quanet.dll");
    }
}
