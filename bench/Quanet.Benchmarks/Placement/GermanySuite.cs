using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Placement;

namespace Quanet.Benchmarks.Placement;

/// <summary>
/// Germany-scale maximal covering (7,244 GeoNames places, ~10,000 hex candidates): CP-SAT against the
/// heuristic and the annealer. Args: [--sites P,...] [--radius KM] [--candidates N] [--time S] [--baseline-time S].
/// Prints one row per site budget, including when CP-SAT first proved a gap of at most 1 %.
/// </summary>
public sealed class GermanySuite : ISuite
{
    /// <inheritdoc />
    public string Name => "germany";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var radius = SetcoverSuite.Arg(args, "--radius", 7);
        var candidates = (int)SetcoverSuite.Arg(args, "--candidates", 10000);
        var time = SetcoverSuite.Arg(args, "--time", 120);
        var baselineTime = SetcoverSuite.Arg(args, "--baseline-time", 30);
        var sitesArg = args.SkipWhile(a => a != "--sites").Skip(1).FirstOrDefault() ?? "100,500,1000";
        var places = Path.Combine(SharedData.Root(), "data", "places-DE.csv");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (instance, spacing) = GermanyInstance.Build(places, radius, candidates);
        var nnz = instance.SiteCovers.Sum(c => c.Length);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Germany: {instance.DemandCount} places, population {instance.TotalDemand:N0}; {instance.SiteCount} candidates (hex spacing {spacing:F2} km), radius {radius} km, {nnz} coverage pairs; built in {watch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine();
        Console.WriteLine("| P | cpsat covered | cpsat bound | gap % | first gap <= 1 % at s | cpsat s | heuristic covered | heuristic gap % | anneal covered | anneal gap % |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in sitesArg.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            var goal = new PlacementGoal { MaxSites = p };
            double? firstOnePercent = null;
            var progress = new SyncProgress(update =>
            {
                if (firstOnePercent is null && update.Bound is { } b && update.Incumbent > 0 && (b - update.Incumbent) / update.Incumbent <= 0.01)
                {
                    firstOnePercent = update.Elapsed.TotalSeconds;
                }
            });
            var exact = new CpSatPlacementSolver().Solve(instance, goal, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(time), Progress = progress });
            if (firstOnePercent is null && exact.Gap <= 0.01)
            {
                firstOnePercent = exact.Elapsed.TotalSeconds;
            }

            var heuristic = new HeuristicPlacementSolver().Solve(instance, goal, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(baselineTime) });
            var anneal = new AnnealPlacementSolver().Solve(instance, goal, new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(baselineTime) });
            var bound = exact.Bound ?? double.NaN;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {p} | {exact.Objective:N0} | {bound:N0} | {100 * (exact.Gap ?? double.NaN):F3} | {(firstOnePercent is { } t ? t.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {exact.Elapsed.TotalSeconds:F1} | {heuristic.Objective:N0} | {100 * (bound - heuristic.Objective) / heuristic.Objective:F3} | {anneal.Objective:N0} | {100 * (bound - anneal.Objective) / anneal.Objective:F3} |"));
        }

        return 0;
    }

    private sealed class SyncProgress(Action<PlacementProgress> handler) : IProgress<PlacementProgress>
    {
        public void Report(PlacementProgress value) => handler(value);
    }
}
