using Quanet.Core;
using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Action;

public sealed class RunbookExecutorTests
{
    private readonly NetworkInventory _inventory = TestTopologies.Chain();

    private static Incident IncidentOn(IncidentType type, string root) =>
        new() { Id = 1, Type = type, RootCause = root, Summary = root };

    [Fact]
    public async Task A_change_that_breaks_kpis_is_rolled_back_to_the_snapshot()
    {
        var network = new SimulatedNetwork(new DependencyGraph(_inventory), seed: 1);
        network.UpdateTopology();
        var before = network.GetConfiguration("A/ru1");
        var runbook = RunbookCatalog.Parse("""
            name: bad-tilt
            incident: kpi_degradation
            change: { action: set, parameters: { electrical_tilt_deg: 12 } }
            verify: { wait_minutes: 15, kpis: [ { kpi: dl_bler, max: 0.1 } ] }
            on_failure: rollback
            """, "bad-tilt.yaml");
        var executor = new RunbookExecutor(network, _inventory);

        var run = await executor.ExecuteAsync(runbook, IncidentOn(IncidentType.KpiDegradation, "A/ru1"), 0);

        Assert.Equal(RunbookOutcome.RolledBack, run.Outcome);
        Assert.Equal(before, network.GetConfiguration("A/ru1"));
        Assert.Equal(["guard", "snapshot", "change", "wait", "verify", "rollback", "verify", "escalate"], run.Audit.Select(a => a.Step));
        Assert.Contains("dl_bler=0.2 (out of bounds)", run.Audit[4].Detail, StringComparison.Ordinal);
        Assert.Equal(2, run.ChangesApplied);
        Assert.Equal("field_visit", run.EscalatedTo);
        Assert.Equal(0.5 + 1 + 15 + 1 + 15, run.DurationMinutes);
    }

    [Fact]
    public async Task Restoring_the_last_known_good_configuration_fixes_a_misconfigured_du()
    {
        var network = new SimulatedNetwork(new DependencyGraph(_inventory), seed: 1);
        network.UpdateTopology();
        network.Apply("A/du", new Dictionary<string, double> { ["rach_config_index"] = 159 }, "human-1");
        Assert.True(network.ReadKpis("A/ru2")["rrc_setup_success_rate"] < 0.95);
        var executor = new RunbookExecutor(network, _inventory);

        var run = await executor.ExecuteAsync(RunbookCatalog.Defaults().For("misconfiguration")!, IncidentOn(IncidentType.Misconfiguration, "A/du"), 0);

        Assert.Equal(RunbookOutcome.Fixed, run.Outcome);
        Assert.Equal(16, network.GetConfiguration("A/du")["rach_config_index"]);
        Assert.All(new[] { "A/ru1", "A/ru2", "A/ru3" }, ru => Assert.True(network.ReadKpis(ru)["rrc_setup_success_rate"] >= 0.95));
    }

    [Fact]
    public async Task The_guard_blocks_a_fourth_restart_within_a_day_and_a_too_wide_change()
    {
        var network = new SimulatedNetwork(new DependencyGraph(_inventory), seed: 1);
        network.UpdateTopology();
        var executor = new RunbookExecutor(network, _inventory);
        var restart = RunbookCatalog.Defaults().For("du_software_crash")!;
        var incident = IncidentOn(IncidentType.DuSoftwareCrash, "D/du");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RunbookOutcome.Fixed, (await executor.ExecuteAsync(restart, incident, i * 1_000_000L)).Outcome);
        }

        var fourth = await executor.ExecuteAsync(restart, incident, 3_000_000);
        var cellReset = await executor.ExecuteAsync(RunbookCatalog.Defaults().For("kpi_degradation")!, IncidentOn(IncidentType.KpiDegradation, "D/du"), 0);

        Assert.Equal(RunbookOutcome.Blocked, fourth.Outcome);
        Assert.StartsWith("frequency limit: 3 runs on D/du in 24 h", fourth.Audit[0].Detail, StringComparison.Ordinal);
        Assert.Equal(RunbookOutcome.Blocked, cellReset.Outcome);
        Assert.StartsWith("blast radius: 3 cells affected (limit 1)", cellReset.Audit[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_loop_is_not_fixed_by_a_restart_and_escalates_to_a_field_visit()
    {
        var network = new SimulatedNetwork(new DependencyGraph(_inventory), seed: 1);
        network.UpdateTopology();
        network.CrashedDus.Add("D/du");
        network.CrashLoopDus.Add("D/du");
        var executor = new RunbookExecutor(network, _inventory);

        var run = await executor.ExecuteAsync(RunbookCatalog.Defaults().For("du_software_crash")!, IncidentOn(IncidentType.DuSoftwareCrash, "D/du"), 0);

        Assert.Equal(RunbookOutcome.RolledBack, run.Outcome);
        Assert.Equal("field_visit", run.EscalatedTo);
    }

    [Fact]
    public async Task A_change_the_element_rejects_fails_without_touching_it()
    {
        var network = new SimulatedNetwork(new DependencyGraph(_inventory), seed: 1);
        network.UpdateTopology();
        var before = network.GetConfiguration("A/ru1");
        var runbook = RunbookCatalog.Parse("""
            {"name":"too-hot","incident":"congestion","change":{"action":"set","parameters":{"tx_power_dbm":60}},
             "verify":{"kpis":[{"kpi":"prb_utilisation","max":0.85}]}}
            """, "too-hot.json");

        var run = await new RunbookExecutor(network, _inventory).ExecuteAsync(runbook, IncidentOn(IncidentType.Congestion, "A/ru1"), 0);

        Assert.Equal(RunbookOutcome.Failed, run.Outcome);
        Assert.Contains("tx_power_dbm = 60 outside the supported range [30, 46]", run.Audit[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(before, network.GetConfiguration("A/ru1"));
    }

    [Theory]
    [InlineData("name: x\nincident: y\nchange: { action: explode }\n", "x.yaml: change.action 'explode' is not one of set, restart, restore_last_known_good, none; a change needs verify.kpis")]
    [InlineData("name: x\nincident: y\nchange: { action: restart }\n", "x.yaml: a change needs verify.kpis")]
    [InlineData("name: x\nincident: y\nguard: { max_runs: 3 }\n", "x.yaml:3: unknown field 'max_runs'")]
    public void Rejects_malformed_runbooks_with_file_and_reason(string yaml, string expected)
    {
        var ex = Assert.Throws<InputFormatException>(() => RunbookCatalog.Parse(yaml, "x.yaml"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Ships_a_runbook_for_every_remotely_fixable_incident_type()
    {
        var catalog = RunbookCatalog.Defaults();

        Assert.Equal(["congestion", "du_software_crash", "kpi_degradation", "misconfiguration"], catalog.All.Select(r => r.Incident).Order());
    }
}
