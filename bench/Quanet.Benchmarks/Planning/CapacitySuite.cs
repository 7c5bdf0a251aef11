using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Capacity;
using Quanet.Planning.Coverage;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>planning-capacity [SOLVE_SECONDS]</c>: the default plan (Bavaria, 5 km grid, 60 sites, CP-SAT) under the coverage,
/// sinr (CQI 1 and 3 dB) and traffic objectives in one run, and the SINR evaluation of the coverage plan's selection over
/// the 1,802 places and over a 1 km hexagonal grid of cells covering Bavaria (the size of a modelled population surface).
/// </summary>
public sealed class CapacitySuite : ISuite
{
    public string Name => "planning-capacity";

    public int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var options = new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = 1 };
        var request = new PlanRequest();
        var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
        var coverage = CapacityPlanner.Solve(scenario, [new CpSatPlacementSolver()], options);

        Console.WriteLine("| SINR evaluation of the 60 sites | demand points | site-point pairs within the cut-off | median of 5 (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Evaluate("places (default demand)", scenario, coverage.Result.Sites);
        Evaluate("1 km hexagonal cells", Cells(scenario), coverage.Result.Sites);

        Console.WriteLine();
        Console.WriteLine("| objective | wall s | rounds (evaluated each) | sites | last gap | covered people | people at min SINR | min SINR dB | mean / p5 SINR dB | Mbit/s served | sites over capacity |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, capacity) in new[]
        {
            ("coverage", new CapacityRequest()),
            ("coverage, evaluated at 3 dB and 5 kbit/s", new CapacityRequest { MinSinrDb = 3, TrafficPerPersonKbps = 5 }),
            ("sinr (CQI 1)", new CapacityRequest { Objective = PlanObjective.Sinr }),
            ("sinr, min 3 dB", new CapacityRequest { Objective = PlanObjective.Sinr, MinSinrDb = 3 }),
            ("traffic, 50 kbit/s", new CapacityRequest { Objective = PlanObjective.Traffic }),
            ("traffic, 5 kbit/s", new CapacityRequest { Objective = PlanObjective.Traffic, TrafficPerPersonKbps = 5 }),
        })
        {
            var variant = ScenarioBuilder.Build(request with { Capacity = capacity }, TimeProvider.System);
            var sw = Stopwatch.StartNew();
            var plan = CapacityPlanner.Solve(variant, [new CpSatPlacementSolver()], options);
            var r = plan.Radio!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {sw.Elapsed.TotalSeconds:0.0} | {r.Rounds.Count}: {string.Join(", ", r.Rounds.Select(x => x.Evaluated.ToString("N0", CultureInfo.InvariantCulture)))} | {plan.Result.Sites.Length} | {plan.Result.Gap:P2} | {plan.CoveredWeight:N0} | {r.PeopleAtMinSinr:N0} | {r.MinSinrDb:0.00} | {r.MeanSinrDb:0.0} / {r.Percentile5SinrDb:0.0} | {r.TrafficServedMbps:N0} | {r.SitesOverCapacity} |"));
        }

        return 0;
    }

    private static void Evaluate(string label, PlanScenario scenario, int[] sites)
    {
        var evaluator = new SinrEvaluator(scenario);
        var times = new double[5];
        SinrField? field = null;
        for (var k = 0; k < times.Length; k++)
        {
            var sw = Stopwatch.StartNew();
            field = evaluator.Evaluate(sites);
            times[k] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        long pairs = 0;
        foreach (var left in field!.LeftOut)
        {
            pairs += sites.Length - left;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {scenario.Demand.Count:N0} | {pairs:N0} | {times[2]:0.0} |"));
    }

    // the region covered by cells on a 1 km hexagonal grid, one person each: what a modelled surface hands the evaluator
    private static PlanScenario Cells(PlanScenario scenario)
    {
        var region = scenario.Region;
        var demand = new List<DemandPoint>();
        foreach (var (x, y) in HexGrid.Generate(region.ProjectedOutline, 1000))
        {
            var id = "c" + demand.Count.ToString(CultureInfo.InvariantCulture);
            demand.Add(new DemandPoint(id, id, 1, region.Projection.Inverse(x, y)));
        }

        var locations = scenario.Sites.Select(s => s.Location).ToArray();
        var covers = CoverageBuilder.Build(locations, scenario.SiteRadius, demand.Select(d => d.Location).ToArray(), region.Projection);
        var instance = new CoverageInstance([.. demand.Select(d => d.Weight)], [.. scenario.Sites.Select(s => s.Cost)], covers);
        return new PlanScenario(scenario.Request, region, demand, scenario.Sites, scenario.SiteRadius, scenario.Model, instance, TimeSpan.Zero);
    }
}
