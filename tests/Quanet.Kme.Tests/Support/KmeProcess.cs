using System.Diagnostics;

namespace Quanet.Kme.Tests.Support;

/// <summary>A <c>quanet kme serve</c> child process (<c>dotnet quanet.dll ...</c>), killed hard on demand.</summary>
internal sealed class KmeProcess : IDisposable
{
    private readonly Process _process;

    private KmeProcess(Process process) => _process = process;

    public static Task<KmeProcess> StartAsync(params string[] arguments) => StartAsync(arguments, "listening on");

    /// <summary>Starts <c>quanet</c> with <paramref name="arguments"/>; returns once a line of its output contains <paramref name="ready"/>.</summary>
    public static async Task<KmeProcess> StartAsync(string[] arguments, string ready)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repository.QuanetDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var started = ReadUntilAsync(process.StandardOutput, ready);
        var finished = await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(90)));
        if (finished != started || !started.Result)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("quanet kme serve did not start: " + await process.StandardError.ReadToEndAsync());
        }

        return new KmeProcess(process);
    }

    private static async Task<bool> ReadUntilAsync(StreamReader output, string ready)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            if (line.Contains(ready, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
