using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Core.Geodesy;
using Quanet.Planning.Coverage;
using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;
using Quanet.Planning.Scenario;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>planning-coverage [COUNTRY] [SPACING_KM...]</c>: times the coverage computation of a whole country (bucket grid +
/// great-circle check) against an all-pairs great-circle scan of the same pairs, plus presolve, for each spacing.
/// </summary>
public sealed class CoverageSuite : ISuite
{
    public string Name => "planning-coverage";

    public int Run(string[] args)
    {
        var country = args.Length > 0 ? args[0] : "DE";
        var spacings = args.Length > 1 ? args[1..].Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [6.4, 4.0];
        Console.WriteLine("| region | spacing km | candidates | demand | radius km | pairs covered | coverage ms (median of 5) | all-pairs scan ms | presolve ms | after presolve (sites x demand) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var spacing in spacings)
        {
            var request = new PlanRequest { Country = country, Admin1 = null, SpacingKilometres = spacing };
            var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
            var sites = scenario.Sites.Select(s => s.Location).ToArray();
            var demand = scenario.Demand.Select(d => d.Location).ToArray();
            var times = new List<double>();
            int[][] covers = [];
            for (var rep = 0; rep < 5; rep++)
            {
                var sw = Stopwatch.StartNew();
                covers = CoverageBuilder.Build(sites, scenario.SiteRadius, demand, scenario.Region.Projection);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var scan = Stopwatch.StartNew();
            var scanPairs = 0L;
            for (var j = 0; j < sites.Length; j++)
            {
                var r = scenario.SiteRadius[j];
                for (var i = 0; i < demand.Length; i++)
                {
                    if (GreatCircle.DistanceMetres(sites[j].Latitude, sites[j].Longitude, demand[i].Latitude, demand[i].Longitude) <= r)
                    {
                        scanPairs++;
                    }
                }
            }

            var scanMs = scan.Elapsed.TotalMilliseconds;
            var pairs = covers.Sum(c => (long)c.Length);
            if (pairs != scanPairs)
            {
                Console.Error.WriteLine($"mismatch: index found {pairs} pairs, scan {scanPairs}");
                return 1;
            }

            var presolveWatch = Stopwatch.StartNew();
            var presolve = Presolver.Run(scenario.Instance, new PlacementGoal { MaxSites = 100 });
            var presolveMs = presolveWatch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Region.Name} | {spacing} | {sites.Length:N0} | {demand.Length:N0} | {scenario.SiteRadius[0] / 1000:0.00} | {pairs:N0} | {times[2]:0.0} | {scanMs:0} | {presolveMs:0} | {presolve.Reduced.SiteCount:N0} x {presolve.Reduced.DemandCount:N0} |"));
        }

        return 0;
    }
}
