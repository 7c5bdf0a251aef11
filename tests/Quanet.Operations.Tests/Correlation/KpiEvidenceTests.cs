using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Tests.Kpi;

namespace Quanet.Operations.Tests.Correlation;

/// <summary>KPI notices joined to incidents, and KPI degradations without alarms as incidents of their own.</summary>
public sealed class KpiEvidenceTests
{
    private static readonly NetworkInventory Network = SyntheticInventory.Create(6, 3);
    private static readonly string[] Cells = [.. Network.Elements.Where(e => e.Kind == ElementKind.RadioUnit).Select(e => e.Id).Take(2)];

    [Fact]
    public async Task An_incident_from_alarms_on_a_cell_whose_kpi_dropped_carries_the_anomalies_and_one_without_gets_none()
    {
        var (dropped, steady) = (Cells[0], Cells[1]);
        var events = KpiTraffic.Events(dropped, 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 476))
            .Concat(KpiTraffic.Events(steady, 0, KpiTraffic.Hours, KpiTraffic.Normal))
            .Append(TestEvents.Fault(dropped, AlarmConditions.TcaBler, VesSeverity.Major, KpiTraffic.Micros(471) + 600_000_000L))
            .Append(TestEvents.Fault(steady, AlarmConditions.TcaBler, VesSeverity.Major, KpiTraffic.Micros(471) + 600_000_000L))
            .OrderBy(e => e.StartEpochMicrosec).ToList();

        var incidents = await CorrelateAsync(events);

        var withKpi = Assert.Single(incidents, i => i.Alarms.Exists(a => a.Source == dropped));
        var without = Assert.Single(incidents, i => i.Alarms.Exists(a => a.Source == steady));
        Assert.NotSame(withKpi, without);
        Assert.NotEmpty(withKpi.KpiEvidence);
        Assert.All(withKpi.KpiEvidence, n => Assert.Equal(dropped, n.Source));
        Assert.Contains(withKpi.KpiEvidence, n => n.WindowEnd == KpiTraffic.Micros(471) / 1_000_000L && n.Expected > 3 * n.Value && n.Score >= 0.5);

        // the window starts an hour (CorrelatorOptions.KpiEvidenceLookback) before the first alarm, at 470:10
        Assert.DoesNotContain(withKpi.KpiEvidence, n => n.WindowEnd == KpiTraffic.Micros(470) / 1_000_000L);
        Assert.Empty(without.KpiEvidence);
        Assert.DoesNotContain(incidents, i => i.Alarms.Count == 0);
    }

    [Fact]
    public async Task A_kpi_drop_with_no_alarm_opens_a_kpi_degradation_incident_that_resolves_when_the_kpi_recovers()
    {
        var (dropped, steady) = (Cells[0], Cells[1]);
        var events = KpiTraffic.Events(dropped, 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 476))
            .Concat(KpiTraffic.Events(steady, 0, KpiTraffic.Hours, KpiTraffic.Normal))
            .OrderBy(e => e.StartEpochMicrosec).ToList();

        var incidents = await CorrelateAsync(events);

        var incident = Assert.Single(incidents);
        Assert.Equal(IncidentType.KpiDegradation, incident.Type);
        Assert.Equal(dropped, incident.RootCause);
        Assert.Empty(incident.Alarms);
        Assert.True(incident.KpiEvidence.Count >= 3, $"{incident.KpiEvidence.Count} KPI anomalies");
        Assert.Contains(incident.Evidence, e => e.Contains("3 consecutive anomalous values", StringComparison.Ordinal));
        Assert.Equal(KpiTraffic.Micros(470), incident.FirstAlarmMicros);
        Assert.False(incident.IsOpen, "the KPI recovered: the incident is resolved");
        Assert.InRange(incident.ResolvedMicros!.Value, KpiTraffic.Micros(476), KpiTraffic.Micros(490));
        Assert.Equal("reset-cell", incident.Decision?.Runbook);
    }

    [Fact]
    public async Task Three_kpis_of_one_element_anomalous_at_once_open_a_kpi_degradation_incident()
    {
        var events = KpiTraffic.Events(Cells[0], 0, KpiTraffic.Hours, KpiTraffic.Drop(470, 471), "dl_volume", "ul_volume", "active_users").ToList();

        var incidents = await CorrelateAsync(events);

        var incident = Assert.Single(incidents);
        Assert.Equal(IncidentType.KpiDegradation, incident.Type);
        Assert.Contains(incident.Evidence, e => e.Contains("3 KPIs anomalous in one measurement event", StringComparison.Ordinal));
        Assert.Equal(3, incident.KpiEvidence.Count(n => n.WindowEnd == KpiTraffic.Micros(470) / 1_000_000L));
    }

    private static async Task<IReadOnlyList<Incident>> CorrelateAsync(IReadOnlyList<VesEvent> events)
    {
        var db = TestEvents.TempDatabase();
        try
        {
            await using var engine = new OperationsEngine(Network, db, new SimulatedNetwork(new DependencyGraph(Network)));
            foreach (var batch in events.Chunk(24))
            {
                await engine.IngestAsync(batch);
            }

            engine.Correlator.Flush();
            engine.TakeOpenedIncidents();
            return engine.Correlator.Incidents;
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }
}
