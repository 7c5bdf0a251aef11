using System.Diagnostics;

namespace Quanet.Kme.Tests.Support;

/// <summary>A <c>quanet kme serve</c> child process (<c>dotnet quanet.dll ...</c>), killed hard on demand.</summary>
internal sealed class KmeProcess : IDisposable
{
    private readonly Process _process;

    private KmeProcess(Process process) => _process = process;

    public static async Task<KmeProcess> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repository.QuanetDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var started = process.StandardOutput.ReadLineAsync();
        var finished = await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != started || started.Result is null || !started.Result.Contains("listening on", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("quanet kme serve did not start: " + await process.StandardError.ReadToEndAsync());
        }

        return new KmeProcess(process);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
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
}
