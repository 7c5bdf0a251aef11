using System.Diagnostics;
using System.Globalization;

namespace Quanet.Cli.Commands.Kme;

/// <summary>
/// One KME of <c>quanet kme network up</c>: a child <c>quanet kme serve --topology</c> process whose output lines
/// are passed on prefixed with the KME ID. A child of its own so that one KME can be killed (kill -9 in the
/// tests, a crash in real life) while the others keep serving, as separate sites would.
/// </summary>
internal sealed class KmeNode : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KmeNode(string kmeId, Process process, TextWriter output, TextWriter error)
    {
        KmeId = kmeId;
        _process = process;
        _process.OutputDataReceived += (_, e) => Pass(e.Data, output, listening: true);
        _process.ErrorDataReceived += (_, e) => Pass(e.Data, error, listening: false);
        _process.Exited += (_, _) => _listening.TrySetException(new Quanet.Core.QuanetException($"{kmeId} exited with code {_process.ExitCode} before it listened"));
    }

    public string KmeId { get; }

    public int ProcessId => _process.Id;

    /// <summary>Completes with the KME's "listening on" line.</summary>
    public Task<string> Listening => _listening.Task;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>quanet kme serve</c> (or <c>kme VERB</c>) for <paramref name="kmeId"/> with <paramref name="arguments"/> after <c>kme VERB</c>.</summary>
    public static KmeNode Start(string kmeId, IEnumerable<string> arguments, TextWriter output, TextWriter error, string verb = "serve")
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // run as "dotnet quanet.dll": the child needs the same assembly
            info.ArgumentList.Add(typeof(KmeNode).Assembly.Location);
        }

        info.ArgumentList.Add("kme");
        info.ArgumentList.Add(verb);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new KmeNode(kmeId, process, output, error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Asks the KME to stop (SIGTERM, as a service manager would) and waits up to <paramref name="grace"/>; then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Pass(string? line, TextWriter writer, bool listening)
    {
        if (line is null)
        {
            return;
        }

        if (listening && line.Contains(" listening on ", StringComparison.Ordinal))
        {
            _listening.TrySetResult(line);
        }

        lock (writer)
        {
            writer.WriteLine(line.StartsWith(KmeId + " ", StringComparison.Ordinal) ? line : $"[{KmeId}] {line}");
            writer.Flush();
        }
    }
}
