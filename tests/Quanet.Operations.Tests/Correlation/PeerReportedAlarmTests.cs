using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Correlation;

/// <summary>
/// Alarms a live element raises about a dark one: Xn-C failures from neighbour gNB-CUs (TS 38.423),
/// cells reported out of service by their CU (TS 38.473 F1, TS 28.541 cell state).
/// </summary>
public sealed class PeerReportedAlarmTests
{
    private const long Second = 1_000_000;
    private readonly NetworkInventory _inventory = TestTopologies.Hubs();
    private long _nextAlarm = 1;

    private AlarmRecord Alarm(string condition, string source, long micros, string iface = "") => new()
    {
        Severity = VesSeverity.Critical,
        AlarmId = _nextAlarm++,
        Source = source,
        Condition = condition,
        Interface = iface,
        Domain = "fault",
        EventName = condition,
        RaisedMicros = micros,
        ChangedMicros = micros,
    };

    private static void Raise(AlarmCorrelator correlator, IEnumerable<AlarmRecord> alarms)
    {
        foreach (var a in alarms)
        {
            correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Raised, a)]));
        }
    }

    private IEnumerable<AlarmRecord> Unreachable(string site, long t) =>
        _inventory.ElementsAt(site).Select(e => Alarm(AlarmConditions.NeUnreachable, e.Id, t));

    private IEnumerable<AlarmRecord> CellsDown(string du, long t) =>
        _inventory.ServedBy(du).Select(ru => Alarm(AlarmConditions.CellUnavailable, ru.Id, t));

    [Fact]
    public void Xn_peers_are_the_cus_whose_cells_neighbour_each_other()
    {
        var xn = new XnNeighbourhood(_inventory);

        Assert.Equal(["G2/cu"], xn.Peers("G1/cu"));
        Assert.Equal(["G1/cu", "G3/cu"], xn.Peers("G2/cu"));
        Assert.Equal(["G2/cu"], xn.Peers("G3/cu"));
        Assert.Empty(xn.Peers("CORE/cu"));
    }

    [Fact]
    public void A_hub_power_loss_explains_the_xn_failures_its_neighbour_gnbs_report()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var storm = new List<AlarmRecord>
        {
            Alarm(AlarmConditions.DyingGasp, "G2/agg", 0),
            Alarm(AlarmConditions.LinkDown, "G1/agg", 2 * Second, "K2"),
            Alarm(AlarmConditions.LinkDown, "G3/agg", 3 * Second, "K3"),
            Alarm(AlarmConditions.XnLinkFailure, "G1/cu", 40 * Second, "G2/cu"),
            Alarm(AlarmConditions.XnLinkFailure, "G3/cu", 55 * Second, "G2/cu"),
        };
        storm.AddRange(Unreachable("G2", 60 * Second));
        storm.AddRange(Unreachable("R", 60 * Second));
        storm.AddRange(Unreachable("S", 60 * Second));

        Raise(correlator, storm);
        correlator.AdvanceTo(400 * Second);

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal((IncidentType.PowerLoss, "G2"), (incident.Type, incident.RootCause));
        Assert.Equal(storm.Count, incident.Alarms.Count);
        var xn = incident.Alarms.Single(a => a.Condition == AlarmConditions.XnLinkFailure && a.Source == "G3/cu");
        Assert.Equal("neighbour gNB-CU G3/cu lost its Xn-C association to G2/cu: site G2 is unpowered (the peer is dark, not the reporter)", xn.Explanation);
    }

    [Fact]
    public void An_xn_failure_arriving_after_grouping_joins_the_outage_of_its_peer()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var storm = new List<AlarmRecord>
        {
            Alarm(AlarmConditions.DyingGasp, "G2/agg", 0),
            Alarm(AlarmConditions.LinkDown, "G1/agg", 2 * Second, "K2"),
            Alarm(AlarmConditions.LinkDown, "G3/agg", 2 * Second, "K3"),
        };
        storm.AddRange(Unreachable("G2", 60 * Second));
        storm.AddRange(Unreachable("R", 60 * Second));
        storm.AddRange(Unreachable("S", 60 * Second));
        Raise(correlator, storm);
        correlator.AdvanceTo(200 * Second);

        Raise(correlator, [Alarm(AlarmConditions.XnLinkFailure, "G1/cu", 250 * Second, "G2/cu")]);
        correlator.Flush();

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal((IncidentType.PowerLoss, "G2", storm.Count + 1), (incident.Type, incident.RootCause, incident.Alarms.Count));
        Assert.Contains(incident.Alarms, a => a.Condition == AlarmConditions.XnLinkFailure && a.Source == "G1/cu");
    }

    [Fact]
    public void An_xn_failure_whose_peer_is_alive_stays_its_own_incident_next_to_an_unrelated_storm()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var crash = new List<AlarmRecord>
        {
            Alarm(AlarmConditions.SoftwareFault, "P/du", 0),
            Alarm(AlarmConditions.F1LinkFailure, "P/du", 10 * Second),
        };
        crash.AddRange(_inventory.ServedBy("P/du").Select(ru => Alarm(AlarmConditions.FronthaulLoss, ru.Id, 5 * Second)));
        crash.AddRange(CellsDown("P/du", 30 * Second));
        var flap = Alarm(AlarmConditions.XnLinkFailure, "G1/cu", 20 * Second, "G2/cu");

        Raise(correlator, [.. crash, flap]);
        correlator.Flush();

        Assert.Equal(2, correlator.Incidents.Count);
        var du = correlator.Incidents.Single(i => i.Type == IncidentType.DuSoftwareCrash);
        Assert.Equal(("P/du", crash.Count), (du.RootCause, du.Alarms.Count));
        Assert.DoesNotContain(du.Alarms, a => a.Condition == AlarmConditions.XnLinkFailure);
        Assert.Equal("cell P/ru2 out of service, reported by its CU G1/cu: the DU application of P/du is down",
            du.Alarms.Single(a => a.Source == "P/ru2" && a.Condition == AlarmConditions.CellUnavailable).Explanation);
        var xn = correlator.Incidents.Single(i => i != du);
        Assert.Equal((IncidentType.Unclassified, "G1/cu", 1), (xn.Type, xn.RootCause, xn.Alarms.Count));
    }

    [Fact]
    public void Cells_of_a_site_cut_off_from_its_cu_join_the_fibre_cut()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(_inventory));
        var storm = new List<AlarmRecord> { Alarm(AlarmConditions.LinkDown, "G2/agg", 2 * Second, "LR"), Alarm(AlarmConditions.F1LinkFailure, "R/du", 10 * Second) };
        storm.AddRange(CellsDown("R/du", 30 * Second));
        storm.AddRange(Unreachable("R", 60 * Second));

        Raise(correlator, storm);
        correlator.Flush();

        var incident = Assert.Single(correlator.Incidents);
        Assert.Equal((IncidentType.FibreCut, "LR", storm.Count), (incident.Type, incident.RootCause, incident.Alarms.Count));
        Assert.Contains("its DU R/du at site R is cut off behind link LR",
            incident.Alarms.Single(a => a.Source == "R/ru1" && a.Condition == AlarmConditions.CellUnavailable).Explanation, StringComparison.Ordinal);
    }
}
