using System.Text.Json;

namespace Quanet.Cli.Tests;

public sealed class PlanExtensionsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-plan-ext-").FullName;

    [Fact]
    public async Task Plan_with_backhaul_and_secure_writes_both_layers_and_reports_them()
    {
        var (code, output, err) = await CliHarness.RunAsync("plan", "--sites", "12", "--backhaul", "--secure", "--out", _dir, "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var backhaul = doc.RootElement.GetProperty("backhaul");
        Assert.Equal(12, backhaul.GetProperty("links").GetInt32());
        Assert.True(backhaul.GetProperty("total_length_km").GetDouble() > 0);
        Assert.Equal(12, doc.RootElement.GetProperty("security").GetProperty("links").GetInt32());
        Assert.True(File.Exists(Path.Combine(_dir, "backhaul.geojson")));
        Assert.True(File.Exists(Path.Combine(_dir, "security.json")));
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "plan.html"));
        Assert.Contains("Fibre backhaul", html, StringComparison.Ordinal);
        Assert.Contains("Quantum-safe backhaul", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_without_backhaul_is_a_usage_error()
    {
        var (code, _, err) = await CliHarness.RunAsync("plan", "--sites", "5", "--secure", "--out", _dir);

        Assert.Equal(2, code);
        Assert.Contains("--secure needs --backhaul", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
