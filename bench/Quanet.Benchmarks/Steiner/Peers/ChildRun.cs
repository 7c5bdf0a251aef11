using System.Diagnostics;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// Runs a solver as a child process, optionally pinned to one core with <c>taskset</c> (which execs the solver, so
/// the process measured is the solver itself), feeds a file to its standard input if asked, and kills it at a hard
/// wall-clock limit.
/// </summary>
/// <param name="Core">The core to pin to, or null for no pinning.</param>
public sealed record ChildRun(int? Core)
{
    /// <summary>The result of one child process.</summary>
    /// <param name="Stdout">What it printed on standard output.</param>
    /// <param name="Stderr">What it printed on standard error.</param>
    /// <param name="ExitCode">Its exit code (meaningless when killed).</param>
    /// <param name="Killed">True when the hard limit ended it.</param>
    /// <param name="WallSeconds">Wall-clock seconds from start to exit.</param>
    /// <param name="CpuSeconds">User + system CPU seconds.</param>
    public sealed record Outcome(string Stdout, string Stderr, int ExitCode, bool Killed, double WallSeconds, double CpuSeconds);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> and waits at most <paramref name="hardLimit"/>.</summary>
    public Outcome Run(string program, IReadOnlyList<string> arguments, TimeSpan hardLimit, string? stdinFile = null)
    {
        var info = StartInfo(program, arguments);
        info.RedirectStandardInput = stdinFile != null;
        var cpuBefore = ChildCpu.Seconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdinFile != null)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    using var input = File.OpenRead(stdinFile);
                    input.CopyTo(process.StandardInput.BaseStream);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The solver may exit (or be killed) before it has read everything.
                }
            });
        }

        var killed = !process.WaitForExit(hardLimit);
        if (killed)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ChildCpu.Seconds() - cpuBefore;
        return new Outcome(stdout.Result, stderr.Result, killed ? -1 : process.ExitCode, killed, wall, cpu);
    }

    /// <summary>How to start <paramref name="program"/> with <paramref name="arguments"/>: pinned to <see cref="Core"/> if
    /// set, standard output and error redirected.</summary>
    public ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(Core is null ? program : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Core is { } core)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(core.ToString(System.Globalization.CultureInfo.InvariantCulture));
            info.ArgumentList.Add(program);
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }
}
