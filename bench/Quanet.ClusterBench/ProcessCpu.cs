using System.Diagnostics;
using System.Globalization;

namespace Quanet.ClusterBench;

/// <summary>CPU seconds used so far by this process and by a PostgreSQL server (postmaster and its backends), from /proc.</summary>
internal static class ProcessCpu
{
    public static double Self() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The server listening on <paramref name="port"/>: its postmaster, the live backends and the ended ones it waited for.</summary>
    public static double Postgres(int port)
    {
        var flag = string.Create(CultureInfo.InvariantCulture, $"-p {port} ");
        var stats = new List<(int Pid, int Parent, double Own, double Children)>();
        int? postmaster = null;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var fields = File.ReadAllText(Path.Combine(folder, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var ticks = (Func<int, double>)(i => long.Parse(fields[i], CultureInfo.InvariantCulture) / 100.0);
                stats.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture), ticks(11) + ticks(12), ticks(13) + ticks(14)));
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Contains(flag, StringComparison.Ordinal))
                {
                    postmaster ??= pid;
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }

        return postmaster is not { } p ? 0 : stats.Where(s => s.Pid == p || s.Parent == p).Sum(s => s.Own + (s.Pid == p ? s.Children : 0));
    }
}
