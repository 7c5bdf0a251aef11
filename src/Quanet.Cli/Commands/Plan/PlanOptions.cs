using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The options of <c>quanet plan</c>.</summary>
internal sealed class PlanOptions
{
    public Option<string> Country { get; } = new("--country") { Description = "Country of the embedded data (DE, ES, GB)", DefaultValueFactory = _ => "DE" };

    public Option<string?> Admin1 { get; } = new("--admin1") { Description = "GeoNames admin1 code (DE 02 = Bavaria, the default for DE), or 'all' for the whole country" };

    public Option<int?> Sites { get; } = new Option<int?>("--sites") { Description = $"Build at most N sites (maximal covering; default {PlanRequest.DefaultSites} when no --budget or --target)" }
        .Must(v => v is not < 1, "must be at least 1");

    public Option<double?> Budget { get; } = new Option<double?>("--budget") { Description = "Total site cost at most X (maximal covering; grid sites cost 1)" }.MustBePositive();

    public Option<double?> Target { get; } = new Option<double?>("--target") { Description = "Set cover instead: least cost covering this fraction (0-1] of the population" }
        .MustBeIn("(0, 1]", t => t is > 0 and <= 1);

    public Option<double> OverlapPenalty { get; } = new Option<double>("--overlap-penalty") { Description = "Penalty per person covered by more than one site (interference), in people; default 0" }.MustBeNonNegative();

    public Option<double> Band { get; } = new Option<double>("--band") { Description = "Carrier frequency in MHz (30-100000)", DefaultValueFactory = _ => 800 }
        .MustBeIn("30..100000", b => b is >= 30 and <= 100_000);

    public Option<string> Model { get; } = new Option<string>("--model") { Description = "Path-loss model", DefaultValueFactory = _ => "hata-suburban" }
        .MustBeOneOf([.. PathLossModels.Names]);

    public Option<bool> AllowExtrapolation { get; } = new("--allow-extrapolation") { Description = "Use the path-loss model outside its frequency, distance and height ranges; the plan then carries a warning for each" };

    public Option<string> Solver { get; } = new Option<string>("--solver") { Description = "Placement solver" }.SolverOf(SolverCatalogue.Placement);

    public Option<double> Spacing { get; } = new Option<double>("--spacing") { Description = "Hexagonal candidate grid spacing in km (0: only --candidates)", DefaultValueFactory = _ => 5 }.MustBeNonNegative();

    public Option<double> Height { get; } = new Option<double>("--height", "--antenna-height") { Description = "Antenna height of grid sites above ground in m (up to 1000)", DefaultValueFactory = _ => 30 }
        .MustBeIn("(0, 1000]", h => h is > 0 and <= 1000);

    public Option<double> ReceiverHeight { get; } = new Option<double>("--receiver-height") { Description = "Receiver (user terminal) height above ground in m (up to 100)", DefaultValueFactory = _ => 1.5 }
        .MustBeIn("(0, 100]", h => h is > 0 and <= 100);

    public Option<string?> Dem { get; } = new Option<string?>("--dem") { Description = "Terrain: elevation model files, comma-separated: " + Planning.Terrain.ElevationModels.Kinds + "; default flat earth" };

    public Option<double?> Capacity { get; } = new Option<double?>("--capacity") { Description = "Per-site capacity in people (default uncapacitated)" }.MustBePositive();

    public Option<FileInfo?> Region { get; } = new Option<FileInfo?>("--region") { Description = "Region polygon replacing --admin1: GeoJSON, Esri Shapefile (.shp) or GeoPackage (.gpkg) in WGS 84; demand is --country's places inside it" }.MustExist();

    public Option<FileInfo?> Demand { get; } = new Option<FileInfo?>("--demand") { Description = "Demand file replacing the places: CSV (lat,lon,population[,id,name]) or GeoJSON points" }.MustExist();

    public Option<FileInfo?> Population { get; } = new Option<FileInfo?>("--population") { Description = "Demand from a population GeoTIFF (" + Planning.Population.DemandModels.RasterCrsList + "), summed onto --cell-size cells inside the region" }.MustExist();

    public Option<string> DemandModel { get; } = new Option<string>("--demand-model") { Description = "Demand without --demand or --population: surface (places spread by Clark's density law onto --cell-size cells) or places (one point per place)", DefaultValueFactory = _ => "surface" }
        .MustBeOneOf(["surface", "places"]);

    public Option<double> CellSize { get; } = new Option<double>("--cell-size") { Description = "Cell size of the population surface or raster in km (0.05-100)", DefaultValueFactory = _ => 1 }
        .MustBeIn("[0.05, 100]", c => c is >= 0.05 and <= 100);

    public Option<FileInfo?> Candidates { get; } = new Option<FileInfo?>("--candidates") { Description = "Candidate sites added to the grid: CSV (id,lat,lon[,cost,height,flag,name]), or GeoJSON, GeoPackage (.gpkg) or Shapefile (.shp) points with those attributes, in WGS 84; flag free, fixed, forbidden or existing (on air today: kept or removed, cost = keep cost)" }.MustExist();

    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "Output directory for plan.geojson, plan.html, plan.png", DefaultValueFactory = _ => new DirectoryInfo("plan") };

    public Option<string?> Export { get; } = new Option<string?>("--export") { Description = "Also write the plan for GIS tools into --out: any of gpkg (plan.gpkg), kml (plan.kml), shp (plan_*.shp), tif (plan_signal.tif best-server dBm, plan_server.tif), comma-separated" }
        .Must(v => v is null || v.Split(',').All(f => Enum.GetNames<PlanExportFormat>().Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)), "must be a comma-separated list of gpkg, kml, shp, tif");

    public Option<string?> RasterResolution { get; } = new Option<string?>("--raster-resolution") { Description = "Pixel size of --export tif: metres (250 or 250m, the default) or arc seconds (9s); coarsened to stay within 25,000,000 pixels" }
        .Must(v => v is null || Planning.Raster.RasterResolution.Parse(v) is not null, "must be metres (1-100000, e.g. 250m) or arc seconds (0.03-3600, e.g. 9s)");

    public Option<bool> Backhaul { get; } = new("--backhaul") { Description = "Also design the fibre backhaul (minimum Steiner tree to the largest places as PoPs); writes backhaul.geojson" };

    public Option<int> BackhaulPops { get; } = new Option<int>("--backhaul-pops") { Description = "With --backhaul: number of core PoPs, the most populous places (default 3)", DefaultValueFactory = _ => 3 }.MustBeAtLeast(1);

    public Option<bool> Secure { get; } = new("--secure") { Description = "With --backhaul: decide QKD or PQC for every backhaul link (see 'quanet secure'); writes security.json and security.geojson" };

    public Option<double> RequiredRate { get; } = new Option<double>("--required-rate") { Description = "With --secure: secret-key rate each link needs, bit/s (default 10000)", DefaultValueFactory = _ => 10_000 }.MustBePositive();

    public Option<string> Formulation { get; } = Qubo.FormulationOptions.ForSolver();

    public Option<int> Seed { get; } = CommonOptions.Seed();

    /// <summary><c>--sub-solver</c> and <c>--sub-size</c> of <c>--solver qubo-hybrid</c>.</summary>
    public (Option<string> SubSolver, Option<int> SubSize, Option<int?> Subproblems) Hybrid { get; } = HybridCliOptions.Create();

    public Option<double> Time { get; } = CommonOptions.TimeLimit(30).MustBePositive();

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary>The capacity, interference and brownfield options.</summary>
    public PlanCapacityOptions CapacityOptions { get; } = new();

    public void AddTo(Command command)
    {
        // combinations: on an option rather than the command, so that every problem is reported together
        Target.Check(r => r.GetValue(Target) is not null && (r.GetValue(Sites) is not null || r.GetValue(Budget) is not null)
            ? "--target (set cover) cannot be combined with --sites or --budget" : null);
        Region.Check(r => r.GetValue(Region) is not null && r.GetValue(Admin1) is not null ? "--region replaces --admin1: give one of them" : null);
        Dem.Check(r => r.GetValue(Dem) is not { } v ? null
            : DemFiles(v) is not { Count: > 0 } files ? "--dem must name at least one file"
            : files.FirstOrDefault(f => !File.Exists(f)) is { } missing ? $"--dem: {missing} does not exist" : null);
        RasterResolution.Check(r => r.GetValue(RasterResolution) is not null && r.GetValue(Export) is var export
            && (export is null || !export.Split(',').Any(f => f.Trim().Equals("tif", StringComparison.OrdinalIgnoreCase)))
            ? "--raster-resolution sets the pixel size of --export tif: add tif to --export" : null);
        Population.Check(r => r.GetValue(Population) is not null && r.GetValue(Demand) is not null ? "--population and --demand both define the demand: give one of them" : null);
        Secure.Check(r => r.GetValue(Secure) && !r.GetValue(Backhaul) ? "--secure needs --backhaul: it decides the protection of each backhaul link" : null);
        foreach (Option option in (Option[])[Country, Admin1, Sites, Budget, Target, OverlapPenalty, Band, Model, AllowExtrapolation, Solver, Spacing, Height, ReceiverHeight, Dem, Capacity, Region, Demand, Population, DemandModel, CellSize, Candidates, Out, Export, RasterResolution, Backhaul, BackhaulPops, Secure, RequiredRate, Formulation, Seed, Time, Json, Hybrid.SubSolver, Hybrid.SubSize, Hybrid.Subproblems])
        {
            command.Options.Add(option);
        }

        CapacityOptions.AddTo(command, Capacity);
    }

    /// <summary>The files of a <c>--dem</c> value, full paths in the order given.</summary>
    public static IReadOnlyList<string> DemFiles(string value) =>
        [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFullPath)];

    /// <summary>The formats of a valid <c>--export</c> value, in the order given.</summary>
    public static IReadOnlyList<PlanExportFormat> ExportFormats(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries).Select(f => Enum.Parse<PlanExportFormat>(f, ignoreCase: true))];
}
