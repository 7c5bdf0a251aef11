using System.Globalization;
using Quanet.Optimization.Steiner;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// The PACE 2018 track-1 winner (Iwata and Shigemura's separator-based pruned dynamic programme, the <c>track1</c>
/// binary of github.com/wata-orz/steiner_tree built outside the repository): reads the instance on standard input and
/// prints <c>VALUE w</c> and the tree's edges only when it has finished, so it is killed at the limit. Its tree is
/// checked here: every edge in the graph, a tree spanning the terminals, of weight <c>w</c>.
/// </summary>
/// <param name="Program">Path of the <c>track1</c> executable.</param>
public sealed record PaceWinnerPeer(string Program) : IPeer
{
    /// <inheritdoc />
    public string Name => "pace-winner";

    /// <summary>The instance, for checking the tree; set before <see cref="Run"/>.</summary>
    public SteinerGraph? Graph { get; set; }

    /// <inheritdoc />
    public PeerRun Run(ChildRun runner, string file, PeerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(limits);
        var o = runner.Run(Program, [], TimeSpan.FromSeconds(limits.Seconds), stdinFile: file);
        if (o.Killed || o.ExitCode != 0)
        {
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, o.Killed ? "no answer within the limit" : $"exit {o.ExitCode}");
        }

        long? value = null;
        var pairs = new List<(int U, int V)>();
        foreach (var raw in o.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "VALUE")
            {
                value = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts.Length == 2)
            {
                pairs.Add((int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)));
            }
        }

        if (value is null)
        {
            return new PeerRun(Name, null, null, false, o.WallSeconds, o.CpuSeconds, "no VALUE line");
        }

        var check = Graph is null ? "" : TreeCheck.Check(Graph, pairs, value.Value);
        return check.Length > 0
            ? new PeerRun(Name, value, null, false, o.WallSeconds, o.CpuSeconds, check)
            : new PeerRun(Name, value, value, limits.Within(o.WallSeconds), o.WallSeconds, o.CpuSeconds, "");
    }
}
