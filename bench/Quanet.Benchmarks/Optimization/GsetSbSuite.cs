using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Placement;
using Quanet.Benchmarks.Suites;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Sampling.Bifurcation;

namespace Quanet.Benchmarks.Optimization;

/// <summary>
/// Simulated bifurcation against the SA sampler (the <c>maxcut</c> default) and, when given, MQLib's
/// BURER2002 on the Gset graphs in ../shared/benchmarks/gset, each solver on one thread with the same
/// wall-clock limit in the same run; per instance the cut, the gap to the best known, the time to the best
/// cut and the CPU seconds each actually used.
/// <c>gset-sb [--time 5] [--seed 1] [--variant dsb|bsb] [--steps 3000] [--replicas 32] [--dt 0.5] (the sampler's defaults) [--pure]
/// [--no-sa] [--mqlib PATH] [--instances G1,G2] [--dir PATH]</c>.
/// </summary>
public sealed class GsetSbSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "gset-sb";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var time = double.Parse(Option(args, "--time", "5"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var defaults = new SimulatedBifurcationSampler();
        var sb = new SimulatedBifurcationSampler
        {
            Variant = Option(args, "--variant", "dsb") == "bsb" ? BifurcationVariant.Ballistic : BifurcationVariant.Discrete,
            Steps = int.Parse(Option(args, "--steps", defaults.Steps.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            Replicas = int.Parse(Option(args, "--replicas", defaults.Replicas.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            TimeStep = double.Parse(Option(args, "--dt", defaults.TimeStep.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            LocalSearch = !args.Contains("--pure"),
        };
        var runSa = !args.Contains("--no-sa");
        var mqlib = Option(args, "--mqlib", "");
        var only = Option(args, "--instances", "");
        var directory = Option(args, "--dir", "");
        directory = directory.Length > 0 ? directory : Path.Combine(SharedData.Root(), "benchmarks", "gset");
        var known = File.ReadAllLines(Path.Combine(directory, "best_known.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (Name: p[0], Best: double.Parse(p[2], CultureInfo.InvariantCulture)))
            .Where(p => only.Length == 0 || only.Split(',').Contains(p.Name))
            .ToList();

        Console.WriteLine($"sb: {sb.Variant}, {sb.Steps} steps, dt {sb.TimeStep}, {sb.Replicas} replicas, local search {sb.LocalSearch}; {time} s per solver, one thread, seed {seed}");
        Console.WriteLine("| instance | n | best known | sb cut | sb gap % | sb to best s | sb CPU s | sa cut | sa gap % | sa to best s | sa CPU s | BURER2002 cut | BURER2002 gap % | BURER2002 to best s | BURER2002 CPU s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var gaps = new double[3];
        var counted = new int[3];
        foreach (var (name, best) in known)
        {
            var path = Path.Combine(directory, name + ".txt");
            var graph = GsetFormat.Read(path);
            var options = new SamplerOptions { Seed = seed, TimeLimit = TimeSpan.FromSeconds(time), Reads = 1, MaxDegreeOfParallelism = 1 };
            var cells = new List<string>();
            var solvers = new List<Func<(double Cut, double ToBest, double Cpu)>>
            {
                () => Ours(graph, sb, options, best),
                () => runSa ? Ours(graph, new SimulatedAnnealingSampler(), options, best) : (double.NaN, 0, 0),
                () => mqlib.Length > 0 ? Burer(mqlib, path, time, seed) : (double.NaN, 0, 0),
            };
            for (var s = 0; s < solvers.Count; s++)
            {
                var (cut, toBest, cpu) = solvers[s]();
                if (double.IsNaN(cut))
                {
                    cells.Add("- | - | - | -");
                    continue;
                }

                var gap = 100.0 * (best - cut) / best;
                gaps[s] += gap;
                counted[s]++;
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{cut} | {gap:F3} | {toBest:F2} | {cpu:F2}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {graph.VertexCount} | {best} | {string.Join(" | ", cells)} |"));
        }

        var means = Enumerable.Range(0, 3).Select(s => counted[s] == 0 ? "-" : (gaps[s] / counted[s]).ToString("F3", CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"| mean gap % | | | | {means[0]} | | | | {means[1]} | | | | {means[2]} | | |");
        return 0;
    }

    private static (double Cut, double ToBest, double Cpu) Ours(WeightedGraph graph, ISampler sampler, SamplerOptions options, double best)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var result = MaxCutSolver.Solve(graph, sampler, options, targetCut: best);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        return (result.Cut, result.Statistics.TimeToBest.TotalSeconds, cpu);
    }

    // MQLib prints "limit,heuristic,\"file\",objective,runtime,[cut:time;...]"; /usr/bin/time adds its CPU seconds on stderr
    private static (double Cut, double ToBest, double Cpu) Burer(string mqlib, string graph, double seconds, int seed)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-f", "cpu %U %S", mqlib, "-fM", graph, "-h", "BURER2002", "-r", seconds.ToString(CultureInfo.InvariantCulture), "-s", seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var fields = output.Trim().Split(',');
        var cut = double.Parse(fields[3], CultureInfo.InvariantCulture);
        var history = output[(output.IndexOf('[', StringComparison.Ordinal) + 1)..output.LastIndexOf(']')].Split(';');
        var toBest = double.Parse(history[^1].Split(':')[1], CultureInfo.InvariantCulture);
        var cpuLine = error.Split('\n').First(l => l.StartsWith("cpu ", StringComparison.Ordinal)).Split(' ');
        var cpu = double.Parse(cpuLine[1], CultureInfo.InvariantCulture) + double.Parse(cpuLine[2], CultureInfo.InvariantCulture);
        return (cut, toBest, cpu);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length ? args[k + 1] : fallback;
    }
}
