using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Placement;
using Quanet.Planning.Raster;
using Quanet.Planning.Terrain;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>planning-gis [REPEATS]</c>: the default plan (Bavaria, 60 sites, CP-SAT) with backhaul and security, then each
/// export format written on its own, REPEATS times (default 3; the median shown): gpkg, kml, shp, tif at 250 m and at
/// 100 m, and tif at 250 m over a synthetic 3" DEM of Bavaria (terrain on every pixel's path). Sizes from the files.
/// </summary>
public sealed class GisExportSuite : ISuite
{
    public string Name => "planning-gis";

    public int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var dir = Directory.CreateTempSubdirectory("quanet-gis-bench").FullName;
        var request = new PlanWorkflowRequest { Solvers = [new CpSatPlacementSolver()], TimeLimit = TimeSpan.FromSeconds(60), Backhaul = new BackhaulStepOptions(), Security = new SecurityPolicy() };
        var result = new PlanWorkflow().RunAsync(request).GetAwaiter().GetResult();
        PlanArtifactWriter.WritePlan(result, dir);
        Console.WriteLine($"default plan: {result.Sites.Sites.Count} sites, {result.Sites.Demand.Count} demand points, {result.Backhaul!.Links.Count} links");
        Console.WriteLine("| export | files | size MB | median s | runs s |");
        Console.WriteLine("| --- | --- | ---: | ---: | --- |");
        foreach (var format in new[] { PlanExportFormat.Gpkg, PlanExportFormat.Kml, PlanExportFormat.Shp })
        {
            Row(format.ToString().ToLowerInvariant(), repeats, () => PlanArtifactWriter.Export(result, dir, [format]));
        }

        foreach (var metres in new[] { 250.0, 100.0 })
        {
            Row($"tif {metres} m", repeats, () => PlanArtifactWriter.Export(result, dir, [PlanExportFormat.Tif], new RasterResolution(metres, false)));
            var raster = CoverageRasterBuilder.Build(result.Plan, new RasterResolution(metres, false), dem: null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| of which the raster alone ({raster.Grid.Columns:N0} x {raster.Grid.Rows:N0} = {raster.Grid.Pixels:N0} pixels, {raster.PixelsWithSignal:N0} with signal) | | | {raster.Elapsed.TotalSeconds:0.000} | one run |"));
        }

        var dem = Path.Combine(dir, "bavaria-synthetic.tif");
        GeoTiffDemWriter.Write(dem, SyntheticTerrain.Hills(47.2, 50.6, 8.9, 13.9, 3.0 / 3600, seed: 19), deflate: false);
        var model = ElevationModels.Open([dem]);
        Row("tif 250 m, synthetic 3\" DEM (raster only, DEM read once outside)", repeats, () =>
            CoverageRasterWriter.Save(CoverageRasterBuilder.Build(result.Plan, RasterResolution.Default, model), dir));
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    private static void Row(string name, int repeats, Func<IReadOnlyList<string>> export)
    {
        var times = new List<double>();
        IReadOnlyList<string> files = [];
        for (var r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            files = export();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        // a shapefile set is its .shp, .shx, .dbf, .prj and .cpg
        var bytes = files.SelectMany(f => f.EndsWith(".shp", StringComparison.Ordinal)
            ? new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" }.Select(e => Path.ChangeExtension(f, e)) : [f]).Where(File.Exists).Sum(f => new FileInfo(f).Length);
        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {string.Join(", ", files.Select(Path.GetFileName))} | {bytes / 1e6:0.00} | {sorted[sorted.Count / 2]:0.000} | {string.Join(" / ", times.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)))} |"));
    }
}
