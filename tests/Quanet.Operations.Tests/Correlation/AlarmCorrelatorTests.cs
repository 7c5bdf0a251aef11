using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Correlation;

public sealed class AlarmCorrelatorTests
{
    private const long Second = 1_000_000;
    private readonly NetworkInventory _inventory = TestTopologies.Chain();
    private long _nextAlarm = 1;

    private AlarmRecord Alarm(string condition, string source, long micros, string iface = "", VesSeverity severity = VesSeverity.Major) => new()
    {
        Severity = severity,
        AlarmId = _nextAlarm++,
        Source = source,
        Condition = condition,
        Interface = iface,
        Domain = "fault",
        EventName = condition,
        RaisedMicros = micros,
        ChangedMicros = micros,
    };

    private static void Raise(AlarmCorrelator correlator, params AlarmRecord[] alarms)
    {
        foreach (var a in alarms)
        {
            correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Raised, a)]));
        }
    }

    private List<AlarmRecord> SiteDown(string site, long t)
    {
        var list = new List<AlarmRecord>();
        foreach (var e in _inventory.ElementsAt(site))
        {
            list.Add(Alarm(AlarmConditions.NeUnreachable, e.Id, t + (30 * Second)));
            if (e.Kind == ElementKind.DistributedUnit)
            {
                list.Add(Alarm(AlarmConditions.F1LinkFailure, e.Id, t + (10 * Second)));
            }
        }

        return list;
    }

    [Fact]
    public void A_fibre_cut_storm_becomes_one_incident_rooted_at_the_cut_with_every_alarm_explained()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var storm = new List<AlarmRecord> { Alarm(AlarmConditions.LinkDown, "A/csr", 0, "L2") };
        storm.AddRange(SiteDown("B", 0));
        storm.AddRange(SiteDown("C", 0));

        Raise(correlator, [.. storm]);
        correlator.AdvanceTo(200 * Second);

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal(IncidentType.FibreCut, incident.Type);
        Assert.Equal("L2", incident.RootCause);
        Assert.Equal(storm.Count, incident.Alarms.Count);
        Assert.Contains("site C has no path to the core without link L2", incident.Alarms.Single(a => a.Source == "C/ru1").Explanation, StringComparison.Ordinal);
        Assert.Contains("terminates the cut link", incident.Alarms.Single(a => a.Source == "A/csr").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dying_gasp_turns_the_same_storm_into_a_power_loss_at_the_transit_site()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var storm = new List<AlarmRecord> { Alarm(AlarmConditions.LinkDown, "A/csr", 0, "L2"), Alarm(AlarmConditions.DyingGasp, "B/csr", 0) };
        storm.AddRange(SiteDown("B", 0));
        storm.AddRange(SiteDown("C", 0));

        Raise(correlator, [.. storm]);
        correlator.Flush();

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal(IncidentType.PowerLoss, incident.Type);
        Assert.Equal("B", incident.RootCause);
        Assert.Contains(incident.Alternatives, a => a.StartsWith("fibre cut on link L2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_du_crash_is_told_apart_from_a_site_outage_by_the_fronthaul_alarms()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));

        Raise(correlator,
            Alarm(AlarmConditions.F1LinkFailure, "D/du", 0),
            Alarm(AlarmConditions.FronthaulLoss, "D/ru1", Second),
            Alarm(AlarmConditions.FronthaulLoss, "D/ru2", Second),
            Alarm(AlarmConditions.FronthaulLoss, "D/ru3", Second),
            Alarm(AlarmConditions.NeUnreachable, "D/du", 40 * Second));
        correlator.Flush();

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal(IncidentType.DuSoftwareCrash, incident.Type);
        Assert.Equal("D/du", incident.RootCause);
    }

    [Fact]
    public void Two_faults_in_the_same_window_become_two_incidents()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var alarms = new List<AlarmRecord> { Alarm(AlarmConditions.LinkDown, "B/csr", 0, "L3") };
        alarms.AddRange(SiteDown("C", 0));
        alarms.Add(Alarm(AlarmConditions.SoftwareFault, "D/du", 5 * Second));
        alarms.Add(Alarm(AlarmConditions.FronthaulLoss, "D/ru1", 6 * Second));
        alarms.Add(Alarm(AlarmConditions.F1LinkFailure, "D/du", 6 * Second));

        Raise(correlator, [.. alarms]);
        correlator.Flush();

        Assert.Equal(
            [(IncidentType.FibreCut, "L3"), (IncidentType.DuSoftwareCrash, "D/du")],
            correlator.Incidents.Select(i => (i.Type, i.RootCause)).Order());
    }

    [Fact]
    public void An_alarm_arriving_after_grouping_joins_the_incident_that_predicts_it()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        Raise(correlator, Alarm(AlarmConditions.LinkDown, "B/csr", 0, "L3"), Alarm(AlarmConditions.F1LinkFailure, "C/du", 0));
        correlator.AdvanceTo(190 * Second);

        Raise(correlator, Alarm(AlarmConditions.NeUnreachable, "C/ru3", 200 * Second));

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal(3, incident.Alarms.Count);
    }

    [Fact]
    public void A_transient_that_clears_within_the_settle_time_opens_nothing()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var flap = Alarm(AlarmConditions.LinkDown, "E/csr", 0, "R3");
        Raise(correlator, flap);

        correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Cleared, flap with { ClearedMicros = 20 * Second })]));
        correlator.AdvanceTo(300 * Second);

        Assert.Empty(correlator.Incidents);
        Assert.Equal(1, correlator.SuppressedTransients);
    }

    [Fact]
    public void Degraded_cells_of_a_reconfigured_du_are_a_misconfiguration_and_without_a_change_kpi_degradations()
    {
        var withChange = new AlarmCorrelator(new DependencyGraph(_inventory));
        var without = new AlarmCorrelator(new DependencyGraph(_inventory));
        var change = new VesEvent
        {
            Domain = "notification",
            EventId = "c1",
            EventName = "Notification_configChange",
            SourceName = "A/du",
            ReportingEntityName = "A/du",
            Priority = "Normal",
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            StartEpochMicrosec = 0,
            LastEpochMicrosec = 0,
            ChangeType = AlarmConditions.ConfigurationChange,
            ChangeIdentifier = "chg-7",
        };
        withChange.OnCommitted(new CommittedBatch([change], []));
        var tcas = new[] { "A/ru1", "A/ru2", "A/ru3" }.Select(ru => Alarm(AlarmConditions.TcaRrcSuccess, ru, 900 * Second)).ToArray();

        Raise(withChange, tcas);
        Raise(without, tcas);
        withChange.Flush();
        without.Flush();

        var incident = Assert.Single(withChange.Incidents);
        Assert.Equal((IncidentType.Misconfiguration, "A/du"), (incident.Type, incident.RootCause));
        Assert.Contains("chg-7", Assert.Single(incident.Evidence), StringComparison.Ordinal);
        Assert.All(without.Incidents, i => Assert.Equal(IncidentType.KpiDegradation, i.Type));
        Assert.Equal(3, without.Incidents.Count);
    }

    [Fact]
    public void Unknown_alarms_become_unclassified_incidents_per_element_and_resolve_when_cleared()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var hot = Alarm(AlarmConditions.HighTemperature, "E/du", 0);
        Raise(correlator, hot, Alarm("FAN_FAILURE", "E/du", Second), Alarm(AlarmConditions.HighTemperature, "F/du", 0));
        correlator.AdvanceTo(200 * Second);
        var resolved = new List<long>();
        correlator.IncidentResolved += i => resolved.Add(i.Id);

        correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Cleared, hot with { ClearedMicros = 300 * Second })]));

        Assert.Equal(2, correlator.Incidents.Count);
        Assert.All(correlator.Incidents, i => Assert.Equal(IncidentType.Unclassified, i.Type));
        Assert.Empty(resolved);
        Assert.Equal(2, correlator.Incidents.Single(i => i.RootCause == "E/du").Alarms.Count);
    }

    [Fact]
    public void Unexplained_warnings_become_notices_not_incidents()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));

        Raise(correlator, Alarm(AlarmConditions.HighTemperature, "E/du", 0, severity: VesSeverity.Warning));
        correlator.Flush();

        Assert.Empty(correlator.Incidents);
        Assert.Equal("E/du", Assert.Single(correlator.Notices).Source);
    }
    [Fact]
    public void A_micro_break_arriving_just_before_another_storm_is_grouped_waits_its_own_settle_time_and_is_dropped()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        Raise(correlator,
            Alarm(AlarmConditions.SoftwareFault, "D/du", 0),
            Alarm(AlarmConditions.FronthaulLoss, "D/ru1", Second),
            Alarm(AlarmConditions.F1LinkFailure, "D/du", Second));
        var flap = Alarm(AlarmConditions.LinkDown, "E/csr", 170 * Second, "R3");
        Raise(correlator, flap);

        correlator.AdvanceTo(185 * Second);
        var grouped = correlator.Incidents.Count;
        correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Cleared, flap with { ClearedMicros = 200 * Second })]));
        correlator.AdvanceTo(600 * Second);

        Assert.Equal(1, grouped);
        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal((IncidentType.DuSoftwareCrash, "D/du", 3), (incident.Type, incident.RootCause, incident.Alarms.Count));
        Assert.Equal(1, correlator.SuppressedTransients);
    }

    [Fact]
    public void A_young_alarm_predicted_by_a_settled_storm_is_grouped_with_it()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        Raise(correlator, Alarm(AlarmConditions.LinkDown, "B/csr", 0, "L3"), Alarm(AlarmConditions.F1LinkFailure, "C/du", 150 * Second));

        correlator.AdvanceTo(185 * Second);

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal((IncidentType.FibreCut, "L3", 2), (incident.Type, incident.RootCause, incident.Alarms.Count));
    }

    [Fact]
    public void A_throughput_crossing_on_a_degraded_cell_joins_its_kpi_degradation_instead_of_opening_a_congestion()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));

        Raise(correlator,
            Alarm(AlarmConditions.TcaBler, "A/ru2", 0),
            Alarm(AlarmConditions.TcaRrcSuccess, "A/ru2", 0),
            Alarm(AlarmConditions.TcaThroughput, "A/ru2", 0),
            Alarm(AlarmConditions.TcaPrb, "B/ru1", 0),
            Alarm(AlarmConditions.TcaThroughput, "B/ru1", 0));
        correlator.Flush();

        Assert.Equal(
            [(IncidentType.Congestion, "B/ru1", 2), (IncidentType.KpiDegradation, "A/ru2", 3)],
            correlator.Incidents.Select(i => (i.Type, i.RootCause, i.Alarms.Count)).Order());
        Assert.Contains("radio quality", correlator.Incidents.Single(i => i.RootCause == "A/ru2").Alarms.Single(a => a.Condition == AlarmConditions.TcaThroughput).Explanation, StringComparison.Ordinal);
    }
}
