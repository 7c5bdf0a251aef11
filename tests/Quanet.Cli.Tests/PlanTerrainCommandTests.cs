using System.Text.Json;
using static Quanet.Cli.Tests.PlanFolders;

namespace Quanet.Cli.Tests;

public sealed class PlanTerrainCommandTests
{
    [Fact]
    public async Task Plan_with_the_example_dem_reports_the_dem_and_the_shadowed_pairs()
    {
        var dir = TempDirectory();
        var dem = Path.Combine(RepositoryRoot(), "examples", "terrain", "saar-ridge.tif");

        var (code, output, error) = await CliHarness.RunAsync(
            "plan", "--admin1", "09", "--sites", "4", "--dem", dem, "--antenna-height", "30", "--receiver-height", "1.5", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var terrain = doc.RootElement.GetProperty("terrain");
        Assert.Equal("saar-ridge.tif (368 x 184)", terrain.GetProperty("dem").GetString());
        Assert.True(terrain.GetProperty("pairs_shadowed").GetInt32() > 0);
        Assert.True(terrain.GetProperty("pairs_checked").GetInt32() > terrain.GetProperty("pairs_shadowed").GetInt32());
        Assert.Equal(0, terrain.GetProperty("pairs_outside_dem").GetInt32());
        var text = terrain.GetProperty("text").GetString()!;
        Assert.StartsWith("terrain: saar-ridge.tif (368 x 184); ", text, StringComparison.Ordinal);
        Assert.Contains(text, await File.ReadAllTextAsync(Path.Combine(dir, "plan.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_without_a_dem_says_flat_earth_in_every_report()
    {
        var dir = TempDirectory();

        var (code, output, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--time", "10", "--out", dir);
        var (jsonCode, json, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "3", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(0, jsonCode);
        Assert.Contains("terrain: flat earth (no DEM)", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("terrain: flat earth (no DEM)", doc.RootElement.GetProperty("terrain").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("terrain").GetProperty("dem").ValueKind);
        Assert.Contains("terrain: flat earth (no DEM)", await File.ReadAllTextAsync(Path.Combine(dir, "plan.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_dem_is_a_usage_error()
    {
        var dir = TempDirectory();
        var missing = Path.Combine(dir, "N47E011.hgt");

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--dem", missing, "--out", dir);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: --dem: {missing} does not exist", Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public async Task A_malformed_dem_is_one_line_naming_the_file()
    {
        var dir = TempDirectory();
        var bad = Path.Combine(dir, "dem.tif");
        await File.WriteAllTextAsync(bad, "not a raster\n");

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--dem", bad, "--out", dir);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"error: {bad}: not a TIFF file", Assert.Single(error.Trim().Split('\n')), StringComparison.Ordinal);
    }
}
