using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Operations.Tests.Simulation;

public sealed class OperationsSimulatorTests
{
    private static Task<SimulationReport> Run(int seed, string faults) =>
        OperationsSimulator.RunAsync(SyntheticInventory.Create(16, seed), "test", new SimulationOptions
        {
            Hours = 12,
            Seed = seed,
            Faults = ScenarioCatalog.ParseMix(faults),
        });

    [Fact]
    public async Task The_same_seed_gives_the_same_outcome()
    {
        var a = await Run(5, "fibre_cut=2,du_crash=2,misconfiguration=2");
        var b = await Run(5, "fibre_cut=2,du_crash=2,misconfiguration=2");

        Assert.Equal(a.Alarms, b.Alarms);
        Assert.Equal(a.Incidents, b.Incidents);
        Assert.Equal(a.MttrMinutes, b.MttrMinutes);
        Assert.Equal(a.FaultOutcomes, b.FaultOutcomes);
    }

    [Fact]
    public async Task Every_injected_fault_is_scored_and_storms_are_compressed()
    {
        var report = await Run(3, "fibre_cut=4,power_loss=2,du_crash=2");

        Assert.Equal(4, report.Faults);
        Assert.True(report.Alarms > report.Incidents);
        Assert.All(report.FaultOutcomes, f => Assert.True(f.QuanetMinutes > 0 && f.BaselineMinutes > 0, f.Kind));
        Assert.All(report.FaultOutcomes.Where(f => f.Kind == "fibre_cut" && f.Correct), f => Assert.Equal(1, f.QuanetVisits));
        Assert.True(report.FaultsDetected > 0);
        Assert.Equal(Math.Round(report.FaultOutcomes.Count(f => f.Correct) / (double)report.FaultsDetected, 4), report.RootCauseAccuracy);
        Assert.Equal(Math.Round(1 - (report.Incidents / (double)report.Alarms), 4), report.AlarmCompression);
    }

    [Fact]
    public async Task The_default_scenario_opens_one_incident_per_detected_fault()
    {
        // seed 4 had link micro-breaks grouped just before they cleared and throughput crossings of
        // degraded cells opened as congestions: five incidents more than detected faults
        var report = await OperationsSimulator.RunAsync(SyntheticInventory.Create(40, 4), "test", new SimulationOptions { Seed = 4 });

        Assert.Equal(report.FaultsDetected, report.Incidents);
        Assert.Empty(report.UnclassifiedAlarms);
        Assert.All(report.FaultOutcomes.Where(f => f.Alarms > 0), f => Assert.Equal(1, f.IncidentCount));
    }

    [Fact]
    public void Parses_fault_mixes_and_rejects_unknown_kinds()
    {
        Assert.Equal([("fibre_cut", 3), ("du_crash", 1)], ScenarioCatalog.ParseMix("fibre_cut=3, du_crash"));

        var ex = Assert.Throws<ArgumentException>(() => ScenarioCatalog.ParseMix("meteor=1"));

        Assert.StartsWith("unknown fault kind 'meteor' (known: fibre_cut, power_loss, du_crash", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_fault_mix_is_one_line_naming_the_known_kinds()
    {
        var ok = ScenarioCatalog.TryParseMix("fibre_cut=2,bogus=3", out var mix, out var error);

        Assert.False(ok);
        Assert.Null(mix);
        Assert.Equal("unknown fault kind 'bogus' (known: fibre_cut, power_loss, du_crash, misconfiguration, congestion, kpi_degradation)", error);
        Assert.Equal(error, Assert.Throws<ArgumentException>(() => ScenarioCatalog.ParseMix("bogus=3")).Message);
        Assert.False(ScenarioCatalog.TryParseMix("du_crash=-1", out _, out var count));
        Assert.Equal("fault mix: 'du_crash=-1' needs a non-negative count after '='", count);
    }
}
