using System.Diagnostics;
using Quanet.Core;

namespace Quanet.Cluster.Local;

/// <summary>
/// A <c>quanet</c> child process of a local cluster (a silo or a collector): its output appended to a log file, started
/// again on the same arguments after a kill, ready once it printed its ready line.
/// </summary>
public sealed class LocalProcess
{
    private readonly QuanetCommand _command;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _readyMarker;
    private readonly Lock _logLock = new();
    private Process? _process;
    private TaskCompletionSource<bool>? _ready;

    internal LocalProcess(string name, QuanetCommand command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, string readyMarker)
    {
        Name = name;
        _command = command;
        _arguments = arguments;
        _environment = environment;
        LogPath = logPath;
        _readyMarker = readyMarker;
    }

    /// <summary>The process's name in the cluster (<c>silo-1</c>, <c>collector-2</c>).</summary>
    public string Name { get; }

    /// <summary>The file its standard output and error are appended to.</summary>
    public string LogPath { get; }

    /// <summary>The process ID while it runs, else null.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Whether it runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until it printed its ready line.</summary>
    /// <exception cref="QuanetException">It exited first, or did not get ready within <paramref name="timeout"/> (the message holds its last output).</exception>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} runs already");
        }

        var info = new ProcessStartInfo(_command.FileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in _command.Prefix.Concat(_arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        var process = Process.Start(info) ?? throw new QuanetException($"{Name} did not start");
        _process = process;
        var ready = _ready;
        _ = PumpAsync(process.StandardOutput, ready);
        _ = PumpAsync(process.StandardError, null);
        _ = process.WaitForExitAsync(CancellationToken.None).ContinueWith(_ => ready.TrySetResult(false), TaskScheduler.Default);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        bool started;
        try
        {
            started = await ready.Task.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillAsync().ConfigureAwait(false);
            throw new QuanetException($"{Name} was not ready within {timeout.TotalSeconds:0} s: {Tail()}");
        }

        if (!started)
        {
            throw new QuanetException($"{Name} exited before it was ready: {Tail()}");
        }
    }

    /// <summary>Kills the process with SIGKILL (no shutdown code runs) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the process gently (SIGTERM, its graceful shutdown), SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        Signals.Terminate(process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(StreamReader reader, TaskCompletionSource<bool>? ready)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_logLock)
                {
                    File.AppendAllText(LogPath, line + "\n");
                }

                if (ready is not null && line.Contains(_readyMarker, StringComparison.Ordinal))
                {
                    ready.TrySetResult(true);
                }
            }
        }
        catch (IOException)
        {
            // the log file or the pipe went away with the cluster
        }
    }

    private string Tail()
    {
        lock (_logLock)
        {
            if (!File.Exists(LogPath))
            {
                return "no output";
            }

            var lines = File.ReadAllLines(LogPath);
            return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 3)));
        }
    }
}
