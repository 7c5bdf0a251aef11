using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Steiner;

namespace Quanet.Benchmarks.Steiner;

/// <summary>
/// PACE 2018 track 1 suite: per instance the known optimum, the exact solver's cost, bound, optimality and
/// time (the time to proof when proven), its LP engine and branch-and-bound nodes, and the heuristic's cost
/// and gap. Usage:
/// <c>pace [--dir DIR] [--exact-time 60] [--heuristic-time 5] [--heuristic-rounds R] [--from NAME] [--only A,B,..] [--limit N] [--total-minutes M]</c>.
/// <c>--heuristic-rounds</c> bounds the heuristic by work (rounds) as well as time, so that its figure does not
/// depend on the machine's load; <c>--heuristic-time 0</c> leaves the heuristic out, <c>--exact-time 0</c> the exact
/// method (its columns then repeat the heuristic's run).
/// </summary>
public sealed class PaceSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "pace";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dir = Path.Combine(FindShared(), "benchmarks", "steiner", "pace2018-track1-public");
        double exactTime = 60, heuristicTime = 5, totalMinutes = double.PositiveInfinity;
        var limit = int.MaxValue;
        int? heuristicRounds = null;
        string? from = null;
        HashSet<string>? only = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--dir": dir = v; break;
                case "--exact-time": exactTime = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--heuristic-time": heuristicTime = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--heuristic-rounds": heuristicRounds = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--limit": limit = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--from": from = v; break;
                case "--only": only = [.. v.Split(',')]; break;
                case "--total-minutes": totalMinutes = double.Parse(v, CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var optima = ReadOptima(dir);

        var total = Stopwatch.StartNew();
        Console.WriteLine("| instance | n | m | k | reduced n/m | optimum | exact cost | bound | optimal | exact s | lp | nodes | heuristic cost | gap % | heuristic s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|:---:|---:|:---:|---:|---:|---:|---:|");
        int count = 0, proven = 0, correct = 0;
        double gapSum = 0;
        foreach (var file in Directory.GetFiles(dir, "*.gr").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if ((from != null && string.CompareOrdinal(name, from) < 0) || (only != null && !only.Contains(name))
                || count >= limit || total.Elapsed.TotalMinutes > totalMinutes)
            {
                continue;
            }

            var graph = StpReader.ReadFile(file);
            var optimum = optima[name];
            var h = heuristicTime > 0
                ? SteinerSolver.Solve(graph, new SteinerSolverOptions
                {
                    Method = SteinerMethod.Heuristic,
                    TimeLimit = TimeSpan.FromSeconds(heuristicTime),
                    HeuristicRounds = heuristicRounds,
                })
                : null;
            var x = exactTime > 0 || h is null
                ? SteinerSolver.Solve(graph, new SteinerSolverOptions { Method = SteinerMethod.Exact, TimeLimit = TimeSpan.FromSeconds(exactTime) })
                : h;
            var gap = h is null ? 0.0 : 100.0 * (h.Cost - optimum) / optimum;
            count++;
            gapSum += gap;
            proven += x.Optimal ? 1 : 0;
            correct += x.Optimal && x.Cost == optimum ? 1 : 0;
            if (x.Cost < optimum || x.LowerBound > optimum)
            {
                Console.Error.WriteLine($"{name}: INCONSISTENT with the published optimum {optimum}: cost {x.Cost}, bound {x.LowerBound}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {graph.NodeCount} | {graph.EdgeCount} | {graph.TerminalCount} | {x.Reduction.NodesAfter}/{x.Reduction.EdgesAfter} | {optimum} | {x.Cost} | {x.LowerBound} | {(x.Optimal ? "yes" : "no")} | {x.Elapsed.TotalSeconds:0.00} | {x.LpEngine ?? "-"} | {x.Nodes} | {h?.Cost.ToString(CultureInfo.InvariantCulture) ?? "-"} | {gap:0.000} | {h?.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instances {count}; exact proved optimal {proven} ({100.0 * proven / Math.Max(1, count):0.0}%), of which equal to the published optimum {correct}; heuristic mean gap {gapSum / Math.Max(1, count):0.000}%; wall {total.Elapsed.TotalMinutes:0.0} min"));
        return 0;
    }

    /// <summary>Published optima by instance name from the set's <c>optima.csv</c>.</summary>
    internal static Dictionary<string, long> ReadOptima(string dir)
    {
        var optima = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(Path.Combine(dir, "optima.csv")).Skip(1))
        {
            var parts = line.Split(',');
            optima[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return optima;
    }

    /// <summary>The shared data folder next to the repository.</summary>
    internal static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Quanet.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null ? Path.GetFullPath("../shared") : Path.Combine(dir.FullName, "..", "shared");
    }
}
