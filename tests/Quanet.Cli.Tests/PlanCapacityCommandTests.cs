using System.Globalization;
using System.Text.Json;
using static Quanet.Cli.Tests.PlanFolders;

namespace Quanet.Cli.Tests;

public sealed class PlanCapacityCommandTests
{
    [Fact]
    public async Task Json_has_the_capacity_object_and_the_files_carry_capacity_and_sinr()
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "4", "--sectors", "3", "--bandwidth", "20", "--time", "10", "--out", dir, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var capacity = doc.RootElement.GetProperty("capacity");
        Assert.Equal("coverage", capacity.GetProperty("objective").GetString());
        Assert.Equal("lte", capacity.GetProperty("cqi_table").GetString());
        Assert.Equal(20, capacity.GetProperty("bandwidth_mhz").GetDouble());
        Assert.Equal(3, capacity.GetProperty("sectors").GetInt32());
        Assert.Equal(-174 + 73.0103 + 7, capacity.GetProperty("noise_dbm").GetDouble(), 3);
        Assert.Equal(16, capacity.GetProperty("people_per_cqi").GetArrayLength());
        Assert.Equal(doc.RootElement.GetProperty("covered_population").GetDouble(), capacity.GetProperty("people_covered").GetDouble(), 6);
        Assert.True(capacity.GetProperty("p5_sinr_db").GetDouble() <= capacity.GetProperty("mean_sinr_db").GetDouble());
        Assert.True(capacity.GetProperty("cutoff_km").GetDouble() > 6);
        var sites = capacity.GetProperty("sites");
        Assert.Equal(4, sites.GetArrayLength());
        foreach (var site in sites.EnumerateArray())
        {
            var efficiency = site.GetProperty("mean_efficiency").GetDouble();
            Assert.InRange(efficiency, 0.1523, 5.5547);
            Assert.Equal(20 * 3 * efficiency, site.GetProperty("capacity_mbps").GetDouble(), 0.01);
            Assert.Equal(site.GetProperty("people_served").GetDouble() * 0.05, site.GetProperty("load_mbps").GetDouble(), 0.01);
        }

        using var geo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "plan.geojson")));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var site0 = features.First(p => p.GetProperty("kind").GetString() == "site");
        Assert.Equal("new", site0.GetProperty("status").GetString());
        Assert.True(site0.GetProperty("capacity_mbps").GetDouble() > 0);
        Assert.True(site0.TryGetProperty("load_mbps", out _));
        Assert.Contains(features, p => p.GetProperty("kind").GetString() == "demand" && p.GetProperty("sinr_db").ValueKind == JsonValueKind.Number);
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "plan.html"));
        Assert.Contains("Capacity and interference", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sinr_objective_reports_its_rounds_and_the_people_at_the_minimum()
    {
        var dir = TempDirectory();

        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "6", "--objective", "sinr", "--min-sinr", "6", "--time", "10", "--out", dir, "--json");
        var (textCode, text, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--sites", "6", "--objective", "sinr", "--min-sinr", "6", "--time", "10", "--out", dir);

        Assert.Equal(0, code);
        Assert.Equal(0, textCode);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var capacity = doc.RootElement.GetProperty("capacity");
        Assert.Equal("sinr", capacity.GetProperty("objective").GetString());
        Assert.Equal(6, capacity.GetProperty("min_sinr_db").GetDouble());
        var rounds = capacity.GetProperty("rounds");
        Assert.InRange(rounds.GetArrayLength(), 1, 4);
        var best = rounds.EnumerateArray().Max(r => r.GetProperty("evaluated").GetDouble());
        Assert.Equal(best, capacity.GetProperty("people_at_min_sinr").GetDouble(), 6);
        Assert.True(capacity.GetProperty("people_at_min_sinr").GetDouble() <= capacity.GetProperty("people_covered").GetDouble());
        Assert.Contains("objective sinr: ", text, StringComparison.Ordinal);
        Assert.Contains("capacity: 10 MHz x 1 sector", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_sites_are_kept_or_removed_and_reported_everywhere()
    {
        // X is covered by the existing e1 (keep cost 5) or the new n1 (cost 1); Y only by the existing e2 (keep cost 0.5)
        var dir = TempDirectory();
        var demand = Path.Combine(dir, "towns.csv");
        var sites = Path.Combine(dir, "sites.csv");
        await File.WriteAllTextAsync(demand, "id,name,lat,lon,population\nX,X,49.30,7.00,500\nY,Y,49.40,7.00,400\n");
        await File.WriteAllTextAsync(sites, string.Create(CultureInfo.InvariantCulture, $"id,lat,lon,cost,height,flag\ne1,49.309,7.00,5,30,existing\nn1,49.291,7.00,1,30,\ne2,49.409,7.00,0.5,30,existing\n"));
        var output = Path.Combine(dir, "plan");

        var (code, json, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--spacing", "0", "--demand", demand, "--candidates", sites, "--target", "1", "--time", "10", "--out", output, "--json");
        var (textCode, text, _) = await CliHarness.RunAsync("plan", "--admin1", "09", "--spacing", "0", "--demand", demand, "--candidates", sites, "--target", "1", "--time", "10", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(0, textCode);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(json);
        var brownfield = doc.RootElement.GetProperty("brownfield");
        Assert.Equal(["e2"], brownfield.GetProperty("kept").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(["e1"], brownfield.GetProperty("removed").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(1, brownfield.GetProperty("new").GetInt32());
        Assert.Equal(1.5, brownfield.GetProperty("total_cost").GetDouble(), 9);
        Assert.Contains("│ brownfield        │ 1 kept, 1 removed, 1 new (total cost 1.5)", text, StringComparison.Ordinal);
        using var geo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "plan.geojson")));
        var properties = geo.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal("kept", properties.Single(p => p.GetProperty("kind").GetString() == "site" && p.GetProperty("id").GetString() == "e2").GetProperty("status").GetString());
        Assert.Equal("removed", properties.Single(p => p.GetProperty("kind").GetString() == "removed_site").GetProperty("status").GetString());
        Assert.Contains("brownfield: 1 kept, 1 removed, 1 new", await File.ReadAllTextAsync(Path.Combine(output, "plan.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--objective", "best", "error: --objective must be one of coverage, sinr, traffic (got 'best')")]
    [InlineData("--sectors", "0", "error: --sectors must be in 1..12 (got 0)")]
    [InlineData("--bandwidth", "0", "error: --bandwidth must be in 0.18..400 (got 0)")]
    [InlineData("--min-sinr", "99", "error: --min-sinr must be in -20..50 (got 99)")]
    [InlineData("--traffic-per-person", "-1", "error: --traffic-per-person must be positive (got -1)")]
    [InlineData("--removal-cost", "-2", "error: --removal-cost must be >= 0 (got -2)")]
    public async Task Bad_capacity_options_are_one_line_and_exit_2(string option, string value, string message)
    {
        var (code, output, error) = await CliHarness.RunAsync("plan", "--admin1", "09", option, value, "--out", TempDirectory());

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(message, Assert.Single(error.Trim().Split('\n')));
    }

    [Fact]
    public async Task Traffic_objective_refuses_a_capacity_in_people()
    {
        var (code, _, error) = await CliHarness.RunAsync("plan", "--admin1", "09", "--objective", "traffic", "--capacity", "1000", "--out", TempDirectory());

        Assert.Equal(2, code);
        Assert.Equal("error: --objective traffic derives each site's capacity from its SINR: leave out --capacity", Assert.Single(error.Trim().Split('\n')));
    }
}
