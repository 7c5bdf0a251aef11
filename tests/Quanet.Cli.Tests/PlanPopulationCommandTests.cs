using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Quanet.Testing;
using static Quanet.Cli.Tests.PlanFolders;

namespace Quanet.Cli.Tests;

public sealed class PlanPopulationCommandTests
{
    private static readonly string Example = Path.Combine(RepositoryRoot(), "examples", "population", "saarland-3035.tif");

    [Fact]
    public async Task Plan_over_the_example_raster_reports_its_people_inside_the_region()
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--population", Example, "--sites", "5", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var demand = root.GetProperty("demand");
        Assert.Equal("raster saarland-3035.tif (EPSG:3035), 1 km cells", demand.GetProperty("text").GetString());
        Assert.Equal("EPSG:3035", demand.GetProperty("crs").GetString());
        Assert.Equal(1, demand.GetProperty("cell_km").GetDouble());
        var total = root.GetProperty("demand_total").GetDouble();
        var covered = root.GetProperty("covered").GetDouble();
        Assert.Equal(root.GetProperty("total_population").GetDouble(), total);
        Assert.Equal(root.GetProperty("covered_population").GetDouble(), covered);
        Assert.InRange(covered, 1, total);

        // every person of the raster is either in a cell inside Saarland or counted outside it; the example's few
        // outside are spill-over of border towns beyond the outline
        var outside = demand.GetProperty("people_outside_region").GetDouble();
        Assert.InRange(outside, 0, 0.01 * total);
        if (ProgramPath.Find("gdal_translate") is not null)
        {
            var gdal = GdalSum(Example, dir);
            Assert.Equal(gdal, total + outside, 1e-6 * gdal);
        }

        Assert.Contains("raster saarland-3035.tif (EPSG:3035), 1 km cells", await File.ReadAllTextAsync(Path.Combine(dir, "plan.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_place_points_stay_reachable()
    {
        var dir = TempDirectory();

        var (code, output, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--demand-model", "places", "--sites", "3", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("places (GeoNames points)", doc.RootElement.GetProperty("demand").GetProperty("text").GetString());
        Assert.Equal(60, doc.RootElement.GetProperty("demand_points").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_a_raster_exits_1_with_one_line()
    {
        var dir = TempDirectory();
        var bad = Path.Combine(dir, "pop.tif");
        await File.WriteAllTextAsync(bad, "not a raster");

        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--population", bad, "--out", dir);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {bad}: not a TIFF file", Assert.Single(error.Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raster_with_a_demand_file_or_a_bad_cell_size_is_a_usage_error()
    {
        var dir = TempDirectory();
        var demand = Path.Combine(dir, "demand.csv");
        await File.WriteAllTextAsync(demand, "lat,lon,population\n49.2,7.0,100\n");

        var (both, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--population", Example, "--demand", demand, "--out", dir);
        var (cell, _, cellError) = await CliHarness.RunAsync("plan", "--admin1", "09", "--cell-size", "0", "--out", dir);

        Assert.Equal(2, both);
        Assert.Contains("--population and --demand both define the demand: give one of them", error, StringComparison.Ordinal);
        Assert.Equal(2, cell);
        Assert.Contains("--cell-size", cellError, StringComparison.Ordinal);
    }

    // GDAL's own decoding of every pixel (XYZ text: x y value); nodata (-200) and empty pixels are no people
    private static double GdalSum(string raster, string dir)
    {
        var xyz = Path.Combine(dir, "pop.xyz");
        var start = new ProcessStartInfo("gdal_translate") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-q", "-of", "XYZ", raster, xyz })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return File.ReadLines(xyz).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture)).Where(v => v > 0).Sum();
    }
}
