using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Benchmarks.Steiner;

/// <summary>
/// The subset dynamic programme alone on PACE 2018 track 1 instances (after reduction, with the heuristic's
/// tree as the incumbent): whether it proves the optimum, labels and time. Usage:
/// <c>pace-dp [--dir DIR] [--time 60] [--heuristic-time 2] [--max-labels N] [--only a,b,c]</c>.
/// </summary>
public sealed class PaceDpSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "pace-dp";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dir = Path.Combine(PaceSuite.FindShared(), "benchmarks", "steiner", "pace2018-track1-public");
        double time = 60, heuristicTime = 2;
        var maxLabels = 60_000_000;
        HashSet<string>? only = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--dir": dir = v; break;
                case "--time": time = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--heuristic-time": heuristicTime = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--max-labels": maxLabels = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--only": only = [.. v.Split(',')]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var optima = PaceSuite.ReadOptima(dir);
        foreach (var file in Directory.GetFiles(dir, "*.gr").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (only != null && !only.Contains(name))
            {
                continue;
            }

            var graph = StpReader.ReadFile(file);
            var watch = Stopwatch.StartNew();
            var reduced = SteinerReducer.Reduce(graph);
            var g = reduced.Graph;
            var reduceSeconds = watch.Elapsed.TotalSeconds;
            var hStop = Stopwatch.StartNew();
            var (_, hCost) = SteinerHeuristic.Solve(g, 1, () => hStop.Elapsed.TotalSeconds > heuristicTime);
            var dpStop = Stopwatch.StartNew();
            string outcome;
            if (!LabelSettingSolver.Applicable(g, 40))
            {
                outcome = "not applicable";
            }
            else
            {
                var (solved, _, cost, labels) = LabelSettingSolver.Solve(g, hCost, () => dpStop.Elapsed.TotalSeconds > time, maxLabels);
                var total = cost + reduced.FixedCost;
                outcome = solved
                    ? string.Create(CultureInfo.InvariantCulture, $"optimal {total} ({(total == optima[name] ? "ok" : "WRONG")}), labels {labels}")
                    : string.Create(CultureInfo.InvariantCulture, $"stopped, labels {labels}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} k={g.TerminalCount} n={g.NodeCount} m={g.EdgeCount} reduce {reduceSeconds:0.0}s heuristic {hCost + reduced.FixedCost} (opt {optima[name]}) dp {dpStop.Elapsed.TotalSeconds:0.00}s {outcome}"));
        }

        return 0;
    }
}
