using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Planning.Terrain;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>planning-terrain [STEP_ARCSEC] [SOLVE_SECONDS]</c>: the default plan (Bavaria, 5 km grid, 60 sites) on flat earth
/// and on a synthetic DEM covering Bavaria (written as a GeoTIFF and read back like a user's), in the same run:
/// scenario build time, DEM read time, terrain time, pairs checked and shadowed, people covered by CP-SAT.
/// </summary>
public sealed class TerrainSuite : ISuite
{
    public string Name => "planning-terrain";

    public int Run(string[] args)
    {
        var arcseconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var step = arcseconds / 3600;
        var dir = Directory.CreateTempSubdirectory("quanet-terrain-bench").FullName;
        var dem = Path.Combine(dir, "bavaria-synthetic.tif");
        var sw = Stopwatch.StartNew();
        var grid = SyntheticTerrain.Hills(47.2, 50.6, 8.9, 13.9, step, seed: 19);
        GeoTiffDemWriter.Write(dem, grid, deflate: false);
        Console.WriteLine($"synthetic DEM {grid.Columns} x {grid.Rows} at {arcseconds}\" ({new FileInfo(dem).Length / 1e6:0.0} MB) written in {sw.Elapsed.TotalSeconds:0.0} s");
        grid = null;

        var read = Stopwatch.StartNew();
        _ = ElevationModels.Open([dem]);
        var readMs = read.Elapsed.TotalMilliseconds;
        Console.WriteLine("| terrain | scenario build s | of which terrain s | pairs checked | shadowed | not line of sight | covered people (60 sites, cpsat) | gap |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var files in new[] { null, new[] { dem } })
        {
            var request = new PlanRequest { DemFiles = files };
            var build = Stopwatch.StartNew();
            var scenario = ScenarioBuilder.Build(request, TimeProvider.System);
            var buildSeconds = build.Elapsed.TotalSeconds;
            var plan = Planner.Solve(scenario, [new CpSatPlacementSolver()], new PlacementOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = 1 });
            var t = scenario.Terrain;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(files is null ? "flat earth" : "synthetic DEM " + arcseconds + "\"")} | {buildSeconds:0.00} | {t.Elapsed.TotalSeconds:0.00} | {t.PairsChecked:N0} | {t.PairsShadowed:N0} | {t.PairsObstructed:N0} | {plan.CoveredWeight:N0} | {plan.Result.Gap:P2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DEM read (once, outside the table): {readMs:0} ms"));
        Directory.Delete(dir, recursive: true);
        return 0;
    }
}
