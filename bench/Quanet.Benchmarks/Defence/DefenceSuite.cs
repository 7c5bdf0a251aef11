using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Defence.Response;
using Quanet.Defence.Simulation;

namespace Quanet.Benchmarks.Defence;

/// <summary>
/// <c>defence [DAYS] [ATTACKS_PER_KIND] [SEEDS]</c>: the interconnect attack simulation over several seeds, one row per
/// seed and policy (Quanet's against a naive isolate-on-any-detection baseline without the blast-radius check), with detection, containment, false isolations and customer traffic lost.
/// </summary>
public sealed class DefenceSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "defence";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var perKind = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var seeds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine("| policy | seed | days | events | attacks | detected | prevented | contained | max s to detect | max s to contain | mean s to contain | false isolations | FP incidents/day | false filters | customer Mbit/s lost | hostile lines rejected | seconds |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var seed = 1; seed <= seeds; seed++)
        {
            foreach (var (name, policy) in new[] { ("Quanet", (ResponsePolicy?)null), ("naive baseline", ResponsePolicy.Naive) })
            {
                var sw = Stopwatch.StartNew();
                var r = InterconnectAttackSimulation.Run(new DefenceSimulationOptions { Days = days, AttacksPerKind = perKind, Seed = seed }, policy: policy);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {seed} | {r.Days} | {r.Events} | {r.Attacks} | {r.Detected} | {r.Prevented} | {r.Contained} | {r.MaxSecondsToDetect:F1} | {r.MaxSecondsToContain:F1} | {r.MeanSecondsToContain:F1} | {r.FalseIsolations} | {r.FalsePositivesPerDay:F2} | {r.FalseFilters} | {r.CustomerTrafficLost:F0} | {r.RejectedLines} | {sw.Elapsed.TotalSeconds:F0} |"));
            }
        }

        return 0;
    }
}
