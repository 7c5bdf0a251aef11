using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation;

/// <summary>Scoring: ground truth against the engine's incidents, and the baseline NOC model.</summary>
public sealed partial class OperationsSimulator
{
    private SimulationReport Report(OperationsEngine engine, string topology, long end)
    {
        IndexLabels();
        var incidents = engine.Correlator.Incidents;
        var perFault = new Dictionary<int, Dictionary<long, int>>();
        foreach (var incident in incidents)
        {
            foreach (var alarm in incident.Alarms)
            {
                if (_labels.GetValueOrDefault(Label(AlarmConditions.Key(alarm.Condition, alarm.Source, alarm.Interface), alarm.RaisedMicros)) is int id)
                {
                    var counts = perFault.TryGetValue(id, out var c) ? c : perFault[id] = [];
                    counts[incident.Id] = counts.GetValueOrDefault(incident.Id) + 1;
                }
            }
        }

        var outcomes = new List<FaultOutcome>();
        var detected = 0;
        var correct = 0;
        foreach (var track in _tracks.Values.OrderBy(t => t.Fault.Id))
        {
            var f = track.Fault;
            var raised = _world.RaisedLog.Where(r => r.FaultId == f.Id).ToList();
            Incident? main = null;
            if (perFault.TryGetValue(f.Id, out var counts))
            {
                var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
                main = incidents.First(i => i.Id == best);
            }

            var isCorrect = main is not null && main.Type == f.ExpectedType && main.RootCause == f.RootCause;
            if (raised.Count > 0)
            {
                detected++;
                correct += isCorrect ? 1 : 0;
            }

            var (baselineMinutes, baselineVisits, baselineConfig) = Baseline(track, raised.Count, raised.Count > 0 ? raised.Min(r => r.Micros) : (long?)null);
            var repaired = f.RepairedMicros ?? end;
            outcomes.Add(new FaultOutcome
            {
                Id = f.Id,
                Kind = f.Kind,
                RootCause = f.RootCause,
                Detail = f.Detail,
                Alarms = raised.Count,
                IncidentCount = counts?.Count ?? 0,
                IncidentId = main?.Id,
                Diagnosis = main is null ? null : $"{main.Type}:{main.RootCause}",
                Correct = isCorrect,
                QuanetPath = track.Path,
                BaselineMinutes = Math.Round(baselineMinutes, 1),
                QuanetMinutes = Math.Round((repaired - f.StartMicros) / (double)Minute, 1),
                BaselineVisits = baselineVisits,
                QuanetVisits = track.Visits,
                BaselineConfigMinutes = baselineConfig,
                QuanetConfigMinutes = track.ConfigMinutes,
            });
        }

        var alarms = engine.Store.CountAlarms();
        double Mean(Func<FaultOutcome, double> f) => outcomes.Count == 0 ? 0 : Math.Round(outcomes.Average(f), 1);
        return new SimulationReport
        {
            Hours = _options.Hours,
            Seed = _options.Seed,
            Topology = topology,
            Sites = _inventory.Sites.Count(s => s.Role == SiteRole.Cell),
            Elements = _inventory.Elements.Count,
            Events = engine.Store.CountEvents(),
            Alarms = alarms,
            Incidents = incidents.Count,
            Notices = engine.Correlator.Notices.Count,
            IncidentsByType = new SortedDictionary<string, int>(incidents.GroupBy(i => Action.ResolutionPlanner.TypeName(i.Type)).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            UnclassifiedAlarms = new SortedDictionary<string, int>(
                incidents.Where(i => i.Type == IncidentType.Unclassified).SelectMany(i => i.Alarms).GroupBy(a => a.Condition).ToDictionary(g => g.Key, g => g.Count()),
                StringComparer.Ordinal),
            SuppressedTransients = engine.Correlator.SuppressedTransients,
            AlarmCompression = alarms == 0 ? 0 : Math.Round(1 - (incidents.Count / (double)alarms), 4),
            RootCauseAccuracy = detected == 0 ? 0 : Math.Round(correct / (double)detected, 4),
            Faults = outcomes.Count,
            FaultsDetected = detected,
            MttrMinutes = new Comparison(Mean(o => o.BaselineMinutes), Mean(o => o.QuanetMinutes)),
            FieldVisits = new Comparison(outcomes.Sum(o => o.BaselineVisits), outcomes.Sum(o => o.QuanetVisits) + _wastedVisits),
            ConfigurationEffortMinutes = new Comparison(outcomes.Sum(o => o.BaselineConfigMinutes), outcomes.Sum(o => o.QuanetConfigMinutes)),
            NocTickets = new Comparison(alarms, incidents.Count),
            RunbookOutcomes = new SortedDictionary<string, int>(_runOutcomes, StringComparer.Ordinal),
            FaultOutcomes = outcomes,
            Parameters = Noc,
        };
    }

    /// <summary>
    /// The baseline NOC: every alarm is a ticket; operators triage the fault's tickets, then diagnose by
    /// hand, then fix by hand remotely or dispatch. Fibre cuts also get site-check visits to down sites.
    /// </summary>
    private (double Minutes, int Visits, double ConfigMinutes) Baseline(FaultTrack track, int tickets, long? firstAlarm)
    {
        var f = track.Fault;
        var s = track.Scenario;
        var detect = firstAlarm ?? (f.StartMicros + (240 * Minute));
        var diagnosed = (detect - f.StartMicros) / (double)Minute + (tickets * Noc.TriageMinutesPerTicket / Noc.Operators) + s.ManualDiagnosisMinutes;
        var field = Noc.DispatchMinutes + TravelMinutes(f.Site) + s.OnSiteRepairMinutes;
        switch (f.Kind)
        {
            case "congestion":
                var capable = _world.Network.MaxCarriers(f.RootCause) >= 2;
                var fixedAt = diagnosed + Noc.ManualRemoteFixMinutes;
                return capable && fixedAt < Scenarios.CongestionScenario.SurgeMinutes
                    ? (fixedAt, 0, Noc.ManualChangeMinutes)
                    : (Scenarios.CongestionScenario.SurgeMinutes, 0, 0);
            case "misconfiguration":
                return (diagnosed + Noc.ManualRemoteFixMinutes, 0, Noc.ManualChangeMinutes);
            case "du_crash":
                return f.NeedsFieldRepair ? (diagnosed + Noc.ManualRemoteFixMinutes + field, 1, 0) : (diagnosed + Noc.ManualRemoteFixMinutes, 0, 0);
            case "fibre_cut":
                var downSites = _world.Graph.IsolatedByLink(f.RootCause).Count(id => _inventory.FindSite(id)?.Role == SiteRole.Cell);
                return (diagnosed + field, 1 + Math.Min(downSites, Noc.BaselineSiteChecksPerCut), 0);
            default:
                return (diagnosed + field, 1, 0);
        }
    }
}
