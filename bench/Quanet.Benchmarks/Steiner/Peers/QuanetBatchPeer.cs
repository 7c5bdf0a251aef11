using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// Quanet's exact Steiner solver in batch mode: one process solves every selected instance in turn
/// (<c>quanet steiner FILE... --solver exact --time T --json</c>), so .NET's start-up and the compilation of the
/// solver's code are paid once, as the start-up item allows. <see cref="Prepare"/> runs the batch before the
/// side-by-side loop; an instance's wall time is the time between its JSON line and the one before it (the first
/// instance's counts from the process start, so the batch's total is the process's whole wall clock), and its CPU time
/// the process's user + system time between the same two lines (<c>/proc/PID/stat</c>). When no line comes within the
/// hard limit the process is killed, that instance is reported as killed and a new process takes the rest.
/// </summary>
/// <param name="Program">Path of the <c>quanet</c> executable.</param>
public sealed record QuanetBatchPeer(string Program) : IPeer
{
    private readonly Dictionary<string, PeerRun> _runs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "quanet-batch";

    /// <summary>Solves <paramref name="files"/> (full paths) in batch processes and keeps each instance's result.</summary>
    public void Prepare(ChildRun runner, IReadOnlyList<string> files, PeerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        var next = 0;
        while (next < files.Count)
        {
            next = RunProcess(runner, files, next, limits);
        }
    }

    /// <inheritdoc />
    public PeerRun Run(ChildRun runner, string file, PeerLimits limits) =>
        _runs.TryGetValue(file, out var r) ? r : new PeerRun(Name, null, null, false, 0, 0, "not in the batch");

    /// <summary>One batch process over files[first..]; returns the index of the first file it did not settle.</summary>
    private int RunProcess(ChildRun runner, IReadOnlyList<string> files, int first, PeerLimits limits)
    {
        var seconds = limits.Seconds.ToString(CultureInfo.InvariantCulture);
        var info = runner.StartInfo(Program, ["steiner", .. files.Skip(first), "--solver", "exact", "--time", seconds, "--json"]);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var lastWall = 0.0;
        var lastCpu = 0.0;
        var index = first;
        while (index < files.Count)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(limits.Hard))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                _runs[files[index]] = new PeerRun(Name, null, null, false, clock.Elapsed.TotalSeconds - lastWall, double.NaN, "killed at the hard limit");
                return index + 1;
            }

            var line = read.Result;
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = ProcessCpu(process.Id);
            if (line is null)
            {
                break;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var instance = root.GetProperty("instance").GetString();
            while (index < files.Count && Path.GetFileName(files[index]) != instance)
            {
                _runs[files[index++]] = new PeerRun(Name, null, null, false, 0, 0, "no result line (see the batch's standard error)");
            }

            if (index == files.Count)
            {
                break;
            }

            var (cost, bound, optimal) = QuanetPeer.Result(root);
            _runs[files[index++]] = new PeerRun(Name, cost, bound, optimal && limits.Within(wall - lastWall), wall - lastWall, cpu - lastCpu, "");
            lastWall = wall;
            lastCpu = cpu;
        }

        process.WaitForExit();
        var error = QuanetPeer.FirstLine(stderr.Result);
        while (index < files.Count)
        {
            _runs[files[index++]] = new PeerRun(Name, null, null, false, 0, 0, $"no result line (exit {process.ExitCode}): {error}");
        }

        return index;
    }

    /// <summary>User + system CPU seconds of a running process (<c>/proc/PID/stat</c> fields 14 and 15, at 100 ticks a
    /// second), or NaN when it cannot be read.</summary>
    private static double ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
