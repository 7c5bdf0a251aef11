using Quanet.Core.Units;
using Quanet.Planning.Capacity;
using Quanet.Planning.Placement;
using Quanet.Planning.Population;
using Quanet.Planning.Radio;

namespace Quanet.Planning.Scenario;

/// <summary>Everything that defines a planning scenario. Defaults are the embedded default plan (Bavaria, LTE 800).</summary>
public sealed record PlanRequest
{
    /// <summary>ISO country code of the embedded data. <value>Default DE.</value></summary>
    public string Country { get; init; } = "DE";

    /// <summary>GeoNames admin1 code, or null for the whole country. <value>Default 02 (Bavaria).</value></summary>
    public string? Admin1 { get; init; } = "02";

    /// <summary>Carrier frequency, MHz. <value>Default 800 (LTE band 20).</value></summary>
    public double BandMegahertz { get; init; } = 800;

    /// <summary>Path-loss model name (<see cref="PathLossModels"/>). <value>Default hata-suburban.</value></summary>
    public string Model { get; init; } = "hata-suburban";

    /// <summary>Hexagonal grid spacing, km; 0 for no grid (user candidates only). <value>Default 5 km.</value></summary>
    public double SpacingKilometres { get; init; } = 5;

    /// <summary>Antenna height of grid candidates (and user sites without one), m. <value>Default 30 m.</value></summary>
    public double SiteHeightMetres { get; init; } = 30;

    /// <summary>User terminal height, m. <value>Default 1.5 m.</value></summary>
    public double UserHeightMetres { get; init; } = 1.5;

    /// <summary>Longest coverage radius considered, m. <value>Default 60 km.</value></summary>
    public double MaxRadiusMetres { get; init; } = 60_000;

    /// <summary>The link budget. <value>Default <see cref="LinkBudget"/>'s defaults.</value></summary>
    public LinkBudget LinkBudget { get; init; } = new();

    /// <summary>
    /// User region polygon file (GeoJSON, Shapefile or GeoPackage in WGS 84) replacing the embedded outline and
    /// <see cref="Admin1"/>, or null. Demand is then the <see cref="Country"/>'s places inside it (or <see cref="DemandFile"/>).
    /// </summary>
    public string? RegionFile { get; init; }

    /// <summary>User demand file (CSV or GeoJSON) replacing the places, or null.</summary>
    public string? DemandFile { get; init; }

    /// <summary>User candidate-site file (CSV or GeoJSON) added to the grid, or null.</summary>
    public string? CandidatesFile { get; init; }

    /// <summary>
    /// Elevation model files (SRTM <c>.hgt</c> tiles and GeoTIFF DEMs in EPSG:4326, several as a mosaic), or null for
    /// flat earth: with them every site-demand pair within the flat-earth radius also pays the Bullington diffraction
    /// loss over its terrain profile.
    /// </summary>
    public IReadOnlyList<string>? DemFiles { get; init; }

    /// <summary>
    /// Population GeoTIFF (any CRS <c>RasterCrs</c> supports, reprojected) whose pixels, summed onto cells of
    /// <see cref="CellSizeKilometres"/> and clipped to the region, are the demand; or null. Excludes <see cref="DemandFile"/>.
    /// </summary>
    public string? PopulationFile { get; init; }

    /// <summary>The demand without a demand file or raster. <value>Default <see cref="DemandModel.Surface"/> (Clark's law on cells).</value></summary>
    public DemandModel DemandModel { get; init; } = DemandModel.Surface;

    /// <summary>Cell edge of the population surface or raster aggregation, km. <value>Default 1 km.</value></summary>
    public double CellSizeKilometres { get; init; } = 1;

    /// <summary>Per-site capacity in demand weight (people), or null for uncapacitated.</summary>
    public double? SiteCapacity { get; init; }

    /// <summary>Capacity, interference and brownfield settings (objective, minimum SINR, sectors, traffic, removal cost). <value>Default coverage objective.</value></summary>
    public CapacityRequest Capacity { get; init; } = new();

    /// <summary>The placement goal. <value>Default maximal covering with 60 sites.</value></summary>
    public PlacementGoal Goal { get; init; } = new() { MaxSites = DefaultSites };

    /// <summary>
    /// Use the path-loss model outside the ranges its reference states (<see cref="IPathLossModel.Validity"/>); the plan
    /// then carries a warning for each range left. <value>Default false: such a request is refused.</value>
    /// </summary>
    public bool AllowExtrapolation { get; init; }

    /// <summary>Number of sites when neither sites nor budget is given.</summary>
    public const int DefaultSites = 60;

    /// <summary>GeoNames admin1 code of the default German region (Bavaria).</summary>
    public const string DefaultGermanAdmin1 = "02";

    /// <summary>
    /// The region a caller asked for: <paramref name="admin1"/> as given, "all" for the whole country (null), and
    /// when none was given the default region (Bavaria for DE, the whole country elsewhere).
    /// </summary>
    public static string? ResolveAdmin1(string country, string? admin1) => admin1 switch
    {
        null when string.Equals(country, "DE", StringComparison.OrdinalIgnoreCase) => DefaultGermanAdmin1,
        _ when string.Equals(admin1, "all", StringComparison.OrdinalIgnoreCase) => null,
        _ => admin1,
    };

    /// <summary>Every out-of-range value of the scenario at once (band, spacing, heights, capacity), worded without any host's option names.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(BandMegahertz is >= 30 and <= 100_000))
        {
            problems.Add($"band {BandMegahertz} MHz is outside 30-100000 MHz");
        }

        if (!(SpacingKilometres >= 0) || double.IsInfinity(SpacingKilometres))
        {
            problems.Add($"spacing {SpacingKilometres} km must be 0 (no grid) or positive");
        }

        if (!(SiteHeightMetres is > 0 and <= 1000) || !(UserHeightMetres is > 0 and <= 100))
        {
            problems.Add("antenna heights must be positive (site up to 1000 m, user up to 100 m)");
        }

        if (DemFiles is { Count: 0 })
        {
            problems.Add("a DEM list must name at least one file (leave it out for flat earth)");
        }

        if (!(CellSizeKilometres is >= 0.05 and <= 100))
        {
            problems.Add($"cell size {CellSizeKilometres} km is outside 0.05-100 km");
        }

        if (PopulationFile is not null && DemandFile is not null)
        {
            problems.Add("a population raster and a demand file both define the demand: give one of them");
        }

        if (SiteCapacity is { } c && !(c > 0))
        {
            problems.Add($"capacity {c} must be positive");
        }

        // before the model's ranges, which need a valid link budget
        problems.AddRange(Capacity.Problems());
        if (Capacity.Objective == PlanObjective.Traffic && SiteCapacity is not null)
        {
            problems.Add("the traffic objective derives each site's capacity from its SINR: it cannot take a capacity in people too");
        }

        if (!(LinkBudget.BandwidthHz is >= 180e3 and <= 400e6))
        {
            problems.Add($"bandwidth {LinkBudget.BandwidthHz / 1e6} MHz is outside 0.18-400 MHz");
        }

        if (!PathLossModels.Names.Contains(Model, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"path-loss model '{Model}' is not one of {string.Join(", ", PathLossModels.Names)}");
        }
        else if (problems.Count == 0 && !AllowExtrapolation)
        {
            problems.AddRange(ModelRangeViolations().Select(p => p + " (allow extrapolation to use the model anyway)"));
        }

        return problems;
    }

    /// <summary>
    /// Every range of the path-loss model that the carrier, the user height and the grid sites (their height and the
    /// coverage radius they get) leave, one phrase each; empty for an unknown model or out-of-range values, which
    /// <see cref="Problems"/> reports. User candidate sites with their own heights are checked when the scenario is built.
    /// </summary>
    public IReadOnlyList<string> ModelRangeViolations()
    {
        if (!PathLossModels.Names.Contains(Model, StringComparer.OrdinalIgnoreCase) || !(BandMegahertz is >= 30 and <= 100_000)
            || !(SiteHeightMetres is > 0 and <= 1000) || !(UserHeightMetres is > 0 and <= 100))
        {
            return [];
        }

        var model = PathLossModels.Create(Model);
        double? radius = SpacingKilometres > 0 ? ScenarioBuilder.RadiusFor(this, model, new Metres(SiteHeightMetres)).Value : null;
        return model.Validity.Violations(model.Name, BandMegahertz, SiteHeightMetres, UserHeightMetres, radius);
    }
}
