using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Steiner;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// Quanet's exact Steiner solver against the field's leaders, side by side on the same PACE 2018 track-1 instances,
/// each solver a process pinned to the same core with the same limit, one instance after the other (Quanet, then
/// SCIP-Jack, then the PACE winner, so all three see the same machine). The peers are built outside the repository and
/// given by path. Usage:
/// <c>pace-peers [--dir DIR] [--optima CSV] [--parity odd|even|all] [--only A,B] [--from NAME] [--limit N] [--time 30]
/// [--grace 2] [--core N] [--shard I/N] [--quanet PATH] [--quanet-batch PATH] [--quanet-native PATH] [--scip-jack PATH] [--winner PATH]
/// [--csv FILE]</c>; <c>--quanet-batch</c> solves the shard's instances in one Quanet process first
/// (<see cref="QuanetBatchPeer"/>), the others run one process per instance (<c>--quanet-native</c>: the native AOT
/// <c>quanet-steiner</c>);
/// <c>pace-peers --merge A.csv,B.csv [--time 30]</c> prints the totals of shards run separately.
/// </summary>
public sealed class PacePeersSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "pace-peers";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = PacePeersOptions.Parse(args, out var error);
        if (o is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        var limits = new PeerLimits(o.Seconds, o.Grace);
        if (o.Merge.Count > 0)
        {
            PeerSummary.Print([.. o.Merge.SelectMany(PeerCsv.Read)], o.Seconds, Console.Out);
            return 0;
        }

        var optima = ReadOptima(o.Optima ?? Path.Combine(o.Dir, "optima.csv"));
        var winner = o.Winner is null ? null : new PaceWinnerPeer(o.Winner);
        var peers = new List<IPeer>();
        if (o.Quanet != null) { peers.Add(new QuanetPeer(o.Quanet)); }
        if (o.QuanetNative != null) { peers.Add(new QuanetPeer(o.QuanetNative, Native: true)); }
        var batch = o.QuanetBatch is null ? null : new QuanetBatchPeer(o.QuanetBatch);
        if (batch != null) { peers.Add(batch); }
        if (o.ScipJack != null) { peers.Add(new ScipJackPeer(o.ScipJack)); }
        if (winner != null) { peers.Add(winner); }

        using var csv = o.Csv is null ? null : new StreamWriter(o.Csv, append: false);
        csv?.WriteLine(PeerCsv.Header);
        var runner = new ChildRun(o.Core);
        var rows = new List<(string, long, PeerRun)>();
        Console.WriteLine("| instance | n | m | k | optimum | " + string.Join(" | ", peers.Select(p => $"{p.Name} cost | bound | proven | wall s | CPU s")) + " |");
        Console.WriteLine("|---|---:|---:|---:|---:|" + string.Concat(peers.Select(_ => "---:|---:|:---:|---:|---:|")));
        var selected = Directory.GetFiles(o.Dir, "*.gr").Order(StringComparer.Ordinal)
            .Where(f => optima.ContainsKey(Path.GetFileNameWithoutExtension(f)) && o.Selects(Path.GetFileNameWithoutExtension(f)))
            .ToList();
        batch?.Prepare(runner, [.. selected.Select(Path.GetFullPath)], limits);
        foreach (var file in selected)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var optimum = optima[name];
            var graph = StpReader.ReadFile(file);
            if (winner != null)
            {
                winner.Graph = graph;
            }

            var cells = new List<string>();
            foreach (var peer in peers)
            {
                var r = peer.Run(runner, Path.GetFullPath(file), limits);
                rows.Add((name, optimum, r));
                csv?.WriteLine(PeerCsv.Line(name, optimum, r));
                csv?.Flush();
                cells.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Cost?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {(r.Proven ? "yes" : "no")} | {r.WallSeconds:0.00} | {r.CpuSeconds:0.00}"));
                if (r.Cost < optimum || r.Bound > optimum)
                {
                    Console.Error.WriteLine($"{name}: {peer.Name} INCONSISTENT with the published optimum {optimum}: cost {r.Cost}, bound {r.Bound}");
                }

                if (r.Note.Length > 0)
                {
                    Console.Error.WriteLine($"{name}: {peer.Name}: {r.Note}");
                }
            }

            Console.WriteLine($"| {name} | {graph.NodeCount} | {graph.EdgeCount} | {graph.TerminalCount} | {optimum} | {string.Join(" | ", cells)} |");
        }

        PeerSummary.Print(rows, o.Seconds, Console.Out);
        return 0;
    }

    /// <summary>Optima by instance name from <c>name,optimum</c> lines (the shared set's <c>optima.csv</c>, or the PACE
    /// repository's <c>track1.csv</c> with names like <c>instance001.gr </c>).</summary>
    internal static Dictionary<string, long> ReadOptima(string path)
    {
        var optima = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length >= 2 && long.TryParse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                var name = parts[0].Trim();
                optima[name.EndsWith(".gr", StringComparison.Ordinal) ? name[..^3] : name] = v;
            }
        }

        return optima;
    }
}
