using System.Diagnostics;
using Quanet.Cluster.Tests.Silo;

namespace Quanet.Cluster.Tests.Chaos;

/// <summary>A <c>quanet</c> command run as its own process (<c>dotnet quanet.dll ...</c>), its output collected.</summary>
internal sealed class QuanetRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;
    private readonly List<string> _lines = [];
    private readonly Task _reading;

    private QuanetRun(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        });
    }

    public int ProcessId => _process.Id;

    public static QuanetRun Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SiloProcess.QuanetDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new QuanetRun(Process.Start(info)!);
    }

    /// <summary>Runs to the end; the exit code, standard output and error.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        using var run = Start(arguments);
        var code = await run.ExitAsync(timeout);
        return (code, run.Output, await run._error);
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public async Task<string> ErrorAsync() => await _error;

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>; false when the process ended or the time ran out first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                await _reading;
                return Output.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(200);
        }

        return false;
    }

    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        await _reading;
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
