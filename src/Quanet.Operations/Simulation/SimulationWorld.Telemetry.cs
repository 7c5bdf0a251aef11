using System.Globalization;
using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation;

/// <summary>The telemetry generator: desired alarms from state, diffed against what was reported.</summary>
public sealed partial class SimulationWorld
{
    private readonly Dictionary<string, (DesiredAlarm Alarm, bool Lost)> _reported = new(StringComparer.Ordinal);

    /// <summary>Recomputes the alarms the state calls for and puts raises and clears on the wire.</summary>
    public void Refresh()
    {
        Network.UpdateTopology();
        var desired = Desired();
        foreach (var (key, alarm) in desired)
        {
            if (_reported.ContainsKey(key) || !Deliverable(alarm))
            {
                continue;
            }

            var rng = RngFor(alarm);
            var lost = alarm.Condition != AlarmConditions.DyingGasp && rng.NextDouble() < LossProbability;
            _reported[key] = (alarm, lost);
            if (!lost)
            {
                var at = NowMicros + Delay(alarm.Condition, rng);
                RaisedLog.Add((key, at, Attribute(alarm)));
                Send(Event(alarm, alarm.Severity, at), at);
            }
        }

        foreach (var key in _reported.Keys.ToList())
        {
            if (desired.ContainsKey(key))
            {
                continue;
            }

            var (alarm, lost) = _reported[key];
            _reported.Remove(key);
            if (!lost && (alarm.Reporter == "ems" || ReporterUp(alarm.Reporter)))
            {
                var at = NowMicros + Micros(RngFor(alarm), 2, 60);
                Send(Event(alarm, VesSeverity.Normal, at), at);
            }
        }
    }

    /// <summary>Computes threshold crossings and measurement events for one PM period (15 min).</summary>
    public void PerformanceTick()
    {
        foreach (var du in Inventory.Elements)
        {
            if (du.Kind != ElementKind.DistributedUnit || !Network.SiteUp(du.SiteId) || Network.CrashedDus.Contains(du.Id))
            {
                continue;
            }

            var measurements = new List<VesMeasurement>();
            foreach (var ru in Inventory.ServedBy(du.Id))
            {
                var k = Network.CellKpis(ru);
                foreach (var name in new[] { "prb_utilisation", "dl_user_throughput", "dl_bler", "rrc_setup_success_rate", "availability" })
                {
                    measurements.Add(new VesMeasurement(ru.Id, name, Math.Round(k[name], 4)));
                }

                Tca(ru.Id, du.Id, AlarmConditions.TcaRrcSuccess, k["rrc_setup_success_rate"] < 0.95);
                Tca(ru.Id, du.Id, AlarmConditions.TcaBler, k["dl_bler"] > 0.10);
                Tca(ru.Id, du.Id, AlarmConditions.TcaPrb, k["prb_utilisation"] > 0.85);
                Tca(ru.Id, du.Id, AlarmConditions.TcaThroughput, k["dl_user_throughput"] < 10);
            }

            var at = NowMicros + Micros(Rng, 0, 30);
            Send(new VesEvent
            {
                Domain = "measurement",
                EventId = NextEventId(),
                EventName = "Measurement_O-DU_cells",
                SourceName = du.Id,
                ReportingEntityName = du.Id,
                Priority = "Normal",
                Version = "4.1",
                VesEventListenerVersion = "7.2.1",
                StartEpochMicrosec = NowMicros - 900_000_000,
                LastEpochMicrosec = at,
                MeasurementInterval = 900,
                Measurements = measurements,
            }, at);
        }
    }

    private void Tca(string ru, string du, string condition, bool crossed)
    {
        var key = AlarmConditions.Key(condition, ru);
        if (crossed)
        {
            TcaActive.TryAdd(key, new DesiredAlarm(condition, ru, "", du, "thresholdCrossingAlert", VesSeverity.Major));
        }
        else
        {
            TcaActive.Remove(key);
        }
    }

    private int? Attribute(DesiredAlarm alarm)
    {
        foreach (var (fault, scenario) in Faults)
        {
            if (fault.RepairedMicros is null && scenario.Causes(this, fault, alarm))
            {
                return fault.Id;
            }
        }

        return null;
    }

    private Dictionary<string, DesiredAlarm> Desired()
    {
        var desired = new Dictionary<string, DesiredAlarm>(StringComparer.Ordinal);
        void Add(DesiredAlarm a) => desired.TryAdd(a.Key, a);
        var unpowered = Network.UnpoweredSites;
        foreach (var link in Inventory.Links)
        {
            if (Network.CutLinks.Contains(link.Id) || FlappingLinks.Contains(link.Id) || unpowered.Contains(link.From) || unpowered.Contains(link.To))
            {
                foreach (var end in new[] { link.From, link.To })
                {
                    var router = Router(end);
                    Add(new DesiredAlarm(AlarmConditions.LinkDown, router, link.Id, router, "fault", VesSeverity.Critical));
                }
            }
        }

        foreach (var site in Inventory.Sites)
        {
            var up = Network.SiteUp(site.Id);
            var router = Router(site.Id);
            if (MainsFailed.Contains(site.Id))
            {
                Add(new DesiredAlarm(AlarmConditions.MainsFailure, router, "", router, "fault", VesSeverity.Major));
            }

            if (GaspSent.Contains(site.Id))
            {
                Add(new DesiredAlarm(AlarmConditions.DyingGasp, router, "", router, "fault", VesSeverity.Critical));
            }

            foreach (var e in Inventory.ElementsAt(site.Id))
            {
                if (!up || (e.Kind == ElementKind.DistributedUnit && Network.CrashedDus.Contains(e.Id)))
                {
                    Add(new DesiredAlarm(AlarmConditions.NeUnreachable, e.Id, "", "ems", "fault", VesSeverity.Critical));
                }

                if (e.Kind == ElementKind.DistributedUnit)
                {
                    var cu = e.ServedBy is { } c ? Inventory.FindElement(c) : null;
                    var cuUp = cu is not null && Network.SiteUp(cu.SiteId);
                    var duUp = up && !Network.CrashedDus.Contains(e.Id);
                    if (!duUp || !cuUp)
                    {
                        var reporter = cuUp ? cu!.Id : duUp ? e.Id : null;
                        if (reporter is not null)
                        {
                            Add(new DesiredAlarm(AlarmConditions.F1LinkFailure, e.Id, "", reporter, "fault", VesSeverity.Critical));
                        }

                        // the CU knows the DU's served cells from F1 setup and reports each one out of service
                        if (cuUp && !duUp)
                        {
                            foreach (var ru in Inventory.ServedBy(e.Id))
                            {
                                Add(new DesiredAlarm(AlarmConditions.CellUnavailable, ru.Id, "", cu!.Id, "fault", VesSeverity.Critical));
                            }
                        }
                    }

                    if (up && Network.CrashedDus.Contains(e.Id))
                    {
                        if (SoftwareFaultShown.Contains(e.Id))
                        {
                            Add(new DesiredAlarm(AlarmConditions.SoftwareFault, e.Id, "", e.Id, "fault", VesSeverity.Critical));
                        }

                        foreach (var ru in Inventory.ServedBy(e.Id))
                        {
                            Add(new DesiredAlarm(AlarmConditions.FronthaulLoss, ru.Id, "", ru.Id, "fault", VesSeverity.Major));
                        }
                    }
                }

                if (e.Kind == ElementKind.RadioUnit && up && VswrShown.Contains(e.Id) && Network.VswrFaults.Contains(e.Id))
                {
                    Add(new DesiredAlarm(AlarmConditions.VswrHigh, e.Id, "", e.Id, "fault", VesSeverity.Major));
                }
            }
        }

        // a gNB-CU that went dark loses its Xn-C associations: each live peer reports the failure
        foreach (var cu in Inventory.Elements)
        {
            if (cu.Kind != ElementKind.CentralUnit || Network.SiteUp(cu.SiteId))
            {
                continue;
            }

            foreach (var peer in _xn.Peers(cu.Id))
            {
                if (ReporterUp(peer))
                {
                    Add(new DesiredAlarm(AlarmConditions.XnLinkFailure, peer, cu.Id, peer, "fault", VesSeverity.Major));
                }
            }
        }

        foreach (var a in TcaActive.Values)
        {
            Add(a);
        }

        foreach (var a in NoiseAlarms.Values)
        {
            Add(a);
        }

        return desired;
    }

    private bool Deliverable(DesiredAlarm alarm) => alarm.Reporter == "ems" || ReporterUp(alarm.Reporter);

    private bool ReporterUp(string reporter)
    {
        var element = Inventory.FindElement(reporter);
        return element is not null && Network.SiteUp(element.SiteId);
    }

    /// <summary>
    /// The random stream of an alarm's loss and delays: cell-unavailable and Xn alarms (added to the
    /// model later) draw from their own stream so that adding them leaves a seed's fault schedule and
    /// the other alarms' draws unchanged, and old and new alarm models compare on the same faults.
    /// </summary>
    private Random RngFor(DesiredAlarm alarm) =>
        alarm.Condition is AlarmConditions.CellUnavailable or AlarmConditions.XnLinkFailure ? _peerRng : Rng;

    private static long Delay(string condition, Random rng) => condition switch
    {
        AlarmConditions.LinkDown => Micros(rng, 1, 5),
        AlarmConditions.DyingGasp => Micros(rng, 0, 1),
        AlarmConditions.MainsFailure => Micros(rng, 0, 5),
        AlarmConditions.NeUnreachable => Micros(rng, 30, 90),
        AlarmConditions.F1LinkFailure => Micros(rng, 5, 30),
        AlarmConditions.FronthaulLoss => Micros(rng, 1, 10),
        AlarmConditions.SoftwareFault => Micros(rng, 0, 2),

        // after the CU's F1 SCTP association times out (5-30 s), the cell state change follows
        AlarmConditions.CellUnavailable => Micros(rng, 10, 40),

        // SCTP heartbeats (RFC 9260 HB.interval 30 s by default, usually tuned down on Xn) detect the dead peer
        AlarmConditions.XnLinkFailure => Micros(rng, 15, 90),
        _ => Micros(rng, 0, 60),
    };

    private VesEvent Event(DesiredAlarm alarm, VesSeverity severity, long at)
    {
        var tca = alarm.Domain == "thresholdCrossingAlert";
        return new VesEvent
        {
            Domain = alarm.Domain,
            EventId = NextEventId(),
            EventName = tca ? $"TCA_{alarm.Condition[4..]}" : $"Fault_{alarm.Condition}",
            SourceName = alarm.Source,
            ReportingEntityName = alarm.Reporter,
            Priority = alarm.Severity >= VesSeverity.Major ? "High" : "Normal",
            Sequence = _eventNo,
            Version = "4.1",
            VesEventListenerVersion = "7.2.1",
            StartEpochMicrosec = at,
            LastEpochMicrosec = at,
            AlarmCondition = alarm.Condition,
            Severity = severity,
            SpecificProblem = string.Create(CultureInfo.InvariantCulture, $"{alarm.Condition} on {alarm.Source}{(alarm.Interface.Length > 0 ? " " + alarm.Interface : "")}"),
            AlarmInterface = alarm.Interface,
            AlertAction = tca ? (severity == VesSeverity.Normal ? "CLEAR" : "SET") : null,
            Measurements = tca ? [new VesMeasurement(alarm.Condition[4..], "observed", 1)] : [],
        };
    }

    /// <summary>The transport router element of a site.</summary>
    public string Router(string siteId) => InventoryLayout.RouterId(siteId, Inventory.FindSite(siteId)!.Role);
}
