using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Benchmarks.Optimization;

/// <summary>
/// Max-cut on the Gset instances in ../shared/benchmarks/gset: per instance the cut, the best-known cut
/// (Benlic and Hao 2013), the gap and the time to the best cut, for the chosen sampler and a baseline
/// sampler given the same time in the same run.
/// <c>gset [--time 10] [--seed 1] [--solver sa] [--baseline tabu|pt|none] [--instances G1,G2] [--dir PATH]</c>.
/// </summary>
public sealed class GsetSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "gset";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var time = double.Parse(Option(args, "--time", "10"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var solver = Option(args, "--solver", "sa");
        var baseline = Option(args, "--baseline", "tabu");
        var only = Option(args, "--instances", "");
        var directory = Option(args, "--dir", "");
        directory = directory.Length > 0 ? directory : GsetDirectory();
        var known = File.ReadAllLines(Path.Combine(directory, "best_known.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (Name: p[0], Best: double.Parse(p[2], CultureInfo.InvariantCulture)))
            .Where(p => only.Length == 0 || only.Split(',').Contains(p.Name))
            .ToList();

        Console.WriteLine($"| instance | n | best known | {solver} cut | gap % | time to best s | CPU s used | {baseline} cut | {baseline} gap % |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        double gapSum = 0, baseGapSum = 0;
        var hits = 0;
        foreach (var (name, best) in known)
        {
            var graph = GsetFormat.Read(Path.Combine(directory, name + ".txt"));
            var options = new SamplerOptions { Seed = seed, TimeLimit = TimeSpan.FromSeconds(time) };
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var result = MaxCutSolver.Solve(graph, Create(solver), options, targetCut: best);
            var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var cut = result.Cut;
            var gap = 100.0 * (best - cut) / best;
            gapSum += gap;
            hits += cut >= best ? 1 : 0;
            var baseCell = "-";
            var baseGapCell = "-";
            if (baseline != "none")
            {
                var baseCut = MaxCutSolver.Solve(graph, Create(baseline), options, targetCut: best).Cut;
                var baseGap = 100.0 * (best - baseCut) / best;
                baseGapSum += baseGap;
                baseCell = baseCut.ToString(CultureInfo.InvariantCulture);
                baseGapCell = baseGap.ToString("F3", CultureInfo.InvariantCulture);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {graph.VertexCount} | {best} | {cut} | {gap:F3} | {result.Statistics.TimeToBest.TotalSeconds:F2} | {cpu:F1} | {baseCell} | {baseGapCell} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| mean gap | | | | {gapSum / known.Count:F3} | best known reached on {hits}/{known.Count} | | | {(baseline == "none" ? "-" : (baseGapSum / known.Count).ToString("F3", CultureInfo.InvariantCulture))} |"));
        return 0;
    }

    private static ISampler Create(string name) => name switch
    {
        "tabu" => new TabuSampler(),
        "sa" => new SimulatedAnnealingSampler(),
        "pt" => new ParallelTemperingSampler(),
        _ => throw new ArgumentException($"unknown solver '{name}' (tabu, sa, pt)"),
    };

    private static string Option(string[] args, string name, string fallback)
    {
        var k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length ? args[k + 1] : fallback;
    }

    // ../shared beside the repository root; from a git worktree nested deeper, the nearest ancestor's shared/
    private static string GsetDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Quanet.slnx")))
        {
            directory = directory.Parent;
        }

        for (var up = directory?.Parent; up is not null; up = up.Parent)
        {
            var candidate = Path.Combine(up.FullName, "shared", "benchmarks", "gset");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/benchmarks/gset not found beside the repository; pass --dir");
    }
}
