using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Placement;

namespace Quanet.Benchmarks.Placement;

/// <summary>
/// OR-Library set covering (scp5x, 6x, a, b): CP-SAT (default 60 s) and the heuristic (default 5 s) per
/// instance against the optima in optima.csv. Args: [--cpsat-time S] [--heuristic-time S] [--only PREFIX].
/// </summary>
public sealed class SetcoverSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "setcover";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var cpsatTime = Arg(args, "--cpsat-time", 60);
        var heuristicTime = Arg(args, "--heuristic-time", 5);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? string.Empty;
        var dir = Path.Combine(SharedData.Root(), "benchmarks", "setcover");
        var optima = File.ReadAllLines(Path.Combine(dir, "optima.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[3], CultureInfo.InvariantCulture));
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        Console.WriteLine("| instance | optimum | cpsat cost | cpsat bound | proven | cpsat s | heuristic cost | gap % | heuristic s |");
        Console.WriteLine("|---|---:|---:|---:|:-:|---:|---:|---:|---:|");
        var gaps = new List<double>();
        var proven = 0;
        var total = 0;
        foreach (var (name, optimum) in optima)
        {
            if (!name.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            var instance = BeasleySetCoverReader.Read(Path.Combine(dir, name + ".txt"));
            var exact = new CpSatPlacementSolver().Solve(instance, goal, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(cpsatTime) });
            var heuristic = new HeuristicPlacementSolver().Solve(instance, goal, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(heuristicTime) });
            var gap = 100 * (heuristic.Objective - optimum) / optimum;
            gaps.Add(gap);
            total++;
            if (exact.Optimal && Math.Abs(exact.Objective - optimum) < 1e-6)
            {
                proven++;
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {optimum} | {exact.Objective} | {exact.Bound:0.##} | {(exact.Optimal ? "yes" : "no")} | {exact.Elapsed.TotalSeconds:F1} | {heuristic.Objective} | {gap:F2} | {heuristic.Elapsed.TotalSeconds:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CP-SAT proved {proven}/{total} optima; heuristic mean gap {(gaps.Count > 0 ? gaps.Average() : 0):F3} %, max {(gaps.Count > 0 ? gaps.Max() : 0):F2} %"));
        return 0;
    }

    internal static double Arg(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
