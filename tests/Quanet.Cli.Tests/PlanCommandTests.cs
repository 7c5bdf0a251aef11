using System.Text.Json;
using static Quanet.Cli.Tests.PlanFolders;

namespace Quanet.Cli.Tests;

public sealed class PlanCommandTests
{
    [Fact]
    public async Task Writes_the_three_files_and_one_json_document()
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--country", "DE", "--admin1", "09", "--sites", "4", "--spacing", "4", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("sites").GetInt32());
        Assert.True(root.GetProperty("covered_population").GetDouble() <= root.GetProperty("total_population").GetDouble());
        Assert.Equal("cpsat", root.GetProperty("solver").GetString());
        Assert.True(root.GetProperty("bound").GetDouble() >= root.GetProperty("objective").GetDouble() - 1e-6);
        Assert.True(root.TryGetProperty("bound", out _));
        Assert.True(root.TryGetProperty("objective", out _));
        foreach (var file in new[] { "plan.geojson", "plan.html", "plan.png" })
        {
            Assert.True(new FileInfo(Path.Combine(dir, file)).Length > 0, file);
        }
    }

    [Fact]
    public async Task The_default_plan_needs_no_other_option()
    {
        // only --out, so the test does not write into (or change) the working directory other tests share
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--out", dir);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("DE admin1 02", output, StringComparison.Ordinal);

        // the default demand is the modelled surface, which keeps every person of Bavaria's places: 12,039,666 is
        // their sum in the embedded GeoNames extract (the old default's "1,802 points, 12,039,666 people")
        Assert.Contains("modelled surface (Clark), 1 km cells", output, StringComparison.Ordinal);
        Assert.Contains("12,039,666 people", output, StringComparison.Ordinal);
        foreach (var file in new[] { "plan.geojson", "plan.html", "plan.png" })
        {
            Assert.True(new FileInfo(Path.Combine(dir, file)).Length > 0, file);
        }
    }

    [Fact]
    public async Task Prints_a_summary_table_without_json()
    {
        var dir = TempDirectory();

        var (code, output, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--out", dir);

        Assert.Equal(0, code);
        Assert.Contains("covered", output, StringComparison.Ordinal);
        Assert.Contains("plan.html", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--country", "FR" }, 1, "error: unknown country 'FR' (embedded: DE, ES, GB)")]
    [InlineData(new[] { "--admin1", "77" }, 1, "error: unknown admin1 code '77' for DE (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 14, 15, 16)")]
    [InlineData(new[] { "--admin1", "09", "--budget", "0.5" }, 1, "error: budget 0.5 buys no site: the cheapest candidate costs 1")]
    [InlineData(new[] { "--admin1", "09", "--sites", "0" }, 2, "error: --sites must be at least 1 (got 0)")]
    [InlineData(new[] { "--admin1", "09", "--spacing", "0" }, 1, "error: no candidate sites in region DE admin1 09 (grid spacing 0 km and no candidate file)")]
    [InlineData(new[] { "--admin1", "09", "--model", "okumura" }, 2, "error: --model must be one of ")]
    [InlineData(new[] { "--admin1", "09", "--solver", "magic" }, 2, "error: unknown solver 'magic'")]
    [InlineData(new[] { "--admin1", "09", "--target", "1.5" }, 2, "error: --target must be in (0, 1] (got 1.5)")]
    [InlineData(new[] { "--admin1", "09", "--overlap-penalty", "-1" }, 2, "error: --overlap-penalty must be >= 0 (got -1)")]
    [InlineData(new[] { "--admin1", "09", "--target", "0.5", "--sites", "3" }, 2, "error: --target (set cover) cannot be combined with --sites or --budget")]
    public async Task Bad_requests_get_one_clear_error_line(string[] args, int expectedCode, string message)
    {
        var (code, output, error) = await CliHarness.RunAsync(["plan", "--out", TempDirectory(), .. args]);

        Assert.Equal(expectedCode, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith(message, error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_demand_file_is_an_empty_region()
    {
        var dir = TempDirectory();
        var demand = Path.Combine(dir, "demand.csv");
        await File.WriteAllTextAsync(demand, "lat,lon,population\n");

        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--demand", demand, "--out", dir);

        Assert.Equal(1, code);
        Assert.Equal($"error: no demand points in {demand}", error.Trim());
    }

    [Theory]
    [InlineData("3500", "hata-suburban is defined for a carrier of 150-1500 MHz")]
    [InlineData("100000", "hata-suburban is defined for a carrier of 150-1500 MHz")]
    public async Task A_band_outside_the_models_range_exits_2_naming_the_range(string band, string expected)
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--band", band, "--out", dir);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: " + expected, line, StringComparison.Ordinal);
        Assert.Contains($"not {band} MHz", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_extrapolation_plans_and_reports_warnings()
    {
        var dir = TempDirectory();

        var (code, output, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--band", "3500", "--allow-extrapolation", "--sites", "3", "--out", dir, "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("150-1500 MHz", StringComparison.Ordinal));
        Assert.Contains("Warning: extrapolated", await File.ReadAllTextAsync(Path.Combine(dir, "plan.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_gis_files_next_to_the_plan_and_lists_them()
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--export", "gpkg,kml,shp,tif", "--raster-resolution", "9s", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToList();
        Assert.Equal(["plan.geojson", "plan.html", "plan.png", "plan.gpkg", "plan.kml", "plan_sites.shp", "plan_coverage.shp", "plan_demand.shp", "plan_signal.tif", "plan_server.tif"], files);
        Assert.All(files, f => Assert.True(new FileInfo(Path.Combine(dir, f)).Length > 0, f));
    }

    [Fact]
    public async Task Exported_sites_plan_again_as_candidates_from_geopackage_and_shapefile()
    {
        var dir = TempDirectory();
        var (code, first, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--export", "gpkg,shp", "--out", dir, "--json");
        var (again, gpkg, gpkgError) = await CliHarness.RunAsync("plan", "--admin1", "09", "--spacing", "0", "--candidates", Path.Combine(dir, "plan.gpkg"), "--sites", "3", "--out", TempDirectory(), "--json");
        var (fromShp, shp, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--spacing", "0", "--candidates", Path.Combine(dir, "plan_sites.shp"), "--sites", "3", "--out", TempDirectory(), "--json");
        var notGpkg = Path.Combine(dir, "sites.gpkg");
        await File.WriteAllTextAsync(notGpkg, "id,lat,lon\n");
        var (bad, _, badError) = await CliHarness.RunAsync("plan", "--admin1", "09", "--candidates", notGpkg, "--out", TempDirectory());

        Assert.Equal((0, 0, 0), (code, again, fromShp));
        Assert.Equal(string.Empty, gpkgError);
        static double Covered(string json) => JsonDocument.Parse(json).RootElement.GetProperty("covered_population").GetDouble();
        Assert.Equal(Covered(first), Covered(gpkg));
        Assert.Equal(Covered(first), Covered(shp));
        Assert.Equal(3, JsonDocument.Parse(gpkg).RootElement.GetProperty("candidates").GetInt32());
        Assert.Equal(1, bad);
        Assert.StartsWith("error: sites.gpkg:1: not a readable GeoPackage: ", badError, StringComparison.Ordinal);
        Assert.Single(badError.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_region_file_replaces_the_admin1_outline()
    {
        var dir = TempDirectory();
        var region = Path.Combine(dir, "saar-centre.geojson");
        await File.WriteAllTextAsync(region, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[6.8,49.1],[7.3,49.1],[7.3,49.5],[6.8,49.5],[6.8,49.1]]]}}]}""");

        var (code, output, _) = await CliHarness.RunAsync("plan", "--region", region, "--sites", "2", "--out", dir, "--json");
        var (both, _, error) = await CliHarness.RunAsync("plan", "--region", region, "--admin1", "09", "--out", dir);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("saar-centre", doc.RootElement.GetProperty("region").GetString());
        Assert.Equal(2, both);
        Assert.Contains("--region replaces --admin1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_export_format_exits_2()
    {
        var (code, _, error) = await CliHarness.RunAsync("plan", "--export", "gpkg,png", "--out", TempDirectory());

        Assert.Equal(2, code);
        Assert.Contains("--export", error, StringComparison.Ordinal);
        Assert.Contains("must be a comma-separated list of gpkg, kml, shp, tif", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raster_resolution_needs_tif_and_a_size_in_metres_or_arc_seconds()
    {
        var (withoutTif, _, error) = await CliHarness.RunAsync("plan", "--export", "gpkg", "--raster-resolution", "100m", "--out", TempDirectory());
        var (badSize, _, sizeError) = await CliHarness.RunAsync("plan", "--export", "tif", "--raster-resolution", "fine", "--out", TempDirectory());

        Assert.Equal(2, withoutTif);
        Assert.Contains("--raster-resolution sets the pixel size of --export tif: add tif to --export", error, StringComparison.Ordinal);
        Assert.Equal(2, badSize);
        Assert.Contains("must be metres (1-100000, e.g. 250m) or arc seconds (0.03-3600, e.g. 9s)", sizeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_csv_names_file_and_line()
    {
        var dir = TempDirectory();
        var sites = Path.Combine(dir, "sites.csv");
        await File.WriteAllTextAsync(sites, "id,lat,lon,cost,height,flag\na,49.3,7.0,1,30,\nb,49.4,seven,1,30,\n");

        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--candidates", sites, "--out", dir);

        Assert.Equal(1, code);
        Assert.Equal("error: sites.csv:3: lon 'seven' is not a number", error.Trim());
    }

    [Fact]
    public async Task Malformed_geojson_names_file_and_line()
    {
        var dir = TempDirectory();
        var demand = Path.Combine(dir, "demand.geojson");
        await File.WriteAllTextAsync(demand, "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[7,49],[7.1,49.1]]},\"properties\":{\"population\":5}}]}");

        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--demand", demand, "--out", dir);

        Assert.Equal(1, code);
        Assert.Equal("error: demand.geojson:3: feature 1: expected a Point geometry, found LineString", error.Trim());
    }

    [Fact]
    public async Task User_sites_with_a_fixed_mast_are_kept()
    {
        var dir = TempDirectory();
        var sites = Path.Combine(dir, "sites.csv");
        await File.WriteAllTextAsync(sites, "id,name,lat,lon,cost,height,flag\nmast-1,Saarbruecken TV,49.2354,6.9969,1,60,fixed\n");

        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--candidates", sites, "--out", dir);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var geojson = await File.ReadAllTextAsync(Path.Combine(dir, "plan.geojson"));
        Assert.Contains("\"id\":\"mast-1\"", geojson, StringComparison.Ordinal);
    }
}
