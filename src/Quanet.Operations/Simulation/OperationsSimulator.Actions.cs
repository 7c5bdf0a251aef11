using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;

namespace Quanet.Operations.Simulation;

/// <summary>How the world answers Quanet's decisions.</summary>
public sealed partial class OperationsSimulator
{
    private readonly Dictionary<string, int?> _labels = new(StringComparer.Ordinal);
    private int _labelled;

    private async Task HandleAsync(OperationsEngine engine, Incident incident, long now, CancellationToken cancellationToken)
    {
        // the human NOC watches every incident; if automation does not fix its faults, people take over
        foreach (var faultId in FaultsIn(incident))
        {
            var track = _tracks[faultId];
            if (!track.FallbackScheduled)
            {
                track.FallbackScheduled = true;
                var minutes = track.Scenario.ManualDiagnosisMinutes + (incident.Type == IncidentType.Unclassified ? 0 : Noc.RediagnosisMinutes);
                _world.Schedule(now + (long)(minutes * Minute), w => Fallback(faultId, w.NowMicros));
            }
        }

        var decision = incident.Decision;
        if (decision is null)
        {
            return;
        }

        if (decision.FieldVisit)
        {
            Visit(incident.Type, incident.RootCause, now, "field visit");
            return;
        }

        if (decision.Runbook is null)
        {
            return;
        }

        var run = await engine.RunRunbookAsync(incident, now, cancellationToken);
        var key = run.Outcome.ToString();
        _runOutcomes[key] = _runOutcomes.GetValueOrDefault(key) + 1;
        var done = now + (long)(run.DurationMinutes * Minute);
        var owner = FaultsIn(incident).Select(id => _tracks[id]).FirstOrDefault();
        if (owner is not null)
        {
            owner.ConfigMinutes += run.OperatorMinutes;
        }

        foreach (var track in _tracks.Values)
        {
            if (track.Fault.RepairedMicros is null && track.RepairAt is null && track.Scenario.IsResolved(_world, track.Fault))
            {
                track.Path = $"remote runbook {run.Runbook}";
                track.RepairAt = done;
                track.Fault.RepairedMicros = done;
                _world.Schedule(done, w => w.Refresh());
            }
        }

        if (run.Outcome != RunbookOutcome.Fixed && run.EscalatedTo == "field_visit")
        {
            Visit(incident.Type, incident.RootCause, done, $"runbook {run.Runbook} {run.Outcome}, then field visit");
        }
    }

    /// <summary>A technician goes where the incident says; repairs what is actually broken there.</summary>
    private void Visit(IncidentType type, string rootCause, long now, string path)
    {
        string? site;
        Func<FaultTrack, bool> fixes;
        switch (type)
        {
            case IncidentType.FibreCut:
                var link = _inventory.FindLink(rootCause);
                site = link is null ? null : NearerEnd(link.From, link.To);
                fixes = t => t.Fault.Kind == "fibre_cut" && t.Fault.RootCause == rootCause;
                break;
            case IncidentType.PowerLoss:
                site = rootCause;
                fixes = t => t.Fault.Kind == "power_loss" && t.Fault.RootCause == rootCause;
                break;
            default:
                var element = _inventory.FindElement(rootCause);
                site = element?.SiteId;
                fixes = t => t.Fault.Site == site && t.Fault.Kind is "du_crash" or "kpi_degradation" && (t.Fault.RootCause == rootCause || _inventory.FindElement(t.Fault.RootCause)?.ServedBy == rootCause);
                break;
        }

        if (site is null)
        {
            return;
        }

        var target = _tracks.Values.FirstOrDefault(t => t.Fault.RepairedMicros is null && t.RepairAt is null && fixes(t));
        if (target is null)
        {
            _wastedVisits++;
            return;
        }

        target.Visits++;
        ScheduleRepair(target, now + (long)((Noc.DispatchMinutes + TravelMinutes(site) + target.Scenario.OnSiteRepairMinutes) * Minute), path);
    }

    /// <summary>People handle a fault the automation did not fix (manual diagnosis done by <paramref name="now"/>).</summary>
    private void Fallback(int faultId, long now)
    {
        var track = _tracks[faultId];
        if (track.Fault.RepairedMicros is not null || track.RepairAt is not null)
        {
            return;
        }

        var f = track.Fault;
        if (f.Kind == "congestion")
        {
            if (_world.Network.MaxCarriers(f.RootCause) >= 2)
            {
                track.ConfigMinutes += Noc.ManualChangeMinutes;
                _world.Network.Apply(f.RootCause, new Dictionary<string, double> { ["carriers"] = 2 }, $"manual-{faultId}");
                ScheduleRepair(track, now + (long)(Noc.ManualRemoteFixMinutes * Minute), "manual carrier activation");
            }

            return;
        }

        if (track.Scenario.BaselineRemoteFix && !f.NeedsFieldRepair)
        {
            if (f.Kind == "misconfiguration")
            {
                track.ConfigMinutes += Noc.ManualChangeMinutes;
            }

            ScheduleRepair(track, now + (long)(Noc.ManualRemoteFixMinutes * Minute), "manual remote fix");
            return;
        }

        var extra = track.Scenario.BaselineRemoteFix ? Noc.ManualRemoteFixMinutes : 0;
        track.Visits++;
        ScheduleRepair(track, now + (long)((extra + Noc.DispatchMinutes + TravelMinutes(f.Site) + track.Scenario.OnSiteRepairMinutes) * Minute), "manual diagnosis, field visit");
    }

    private void ScheduleRepair(FaultTrack track, long at, string path)
    {
        track.RepairAt = at;
        track.Path = path;
        _world.Schedule(at, w =>
        {
            if (track.Fault.RepairedMicros is null)
            {
                track.Scenario.Repair(w, track.Fault);
                track.Fault.RepairedMicros = at;
            }

            w.Refresh();
        });
    }

    private double TravelMinutes(string site) =>
        60 * (_inventory.FindSite(site) is null ? 0 : _world.Graph.DistanceToCoreKm(site)) / Noc.TravelSpeedKmh;

    private string NearerEnd(string a, string b) =>
        _world.Graph.DistanceToCoreKm(a) <= _world.Graph.DistanceToCoreKm(b) ? a : b;

    private List<int> FaultsIn(Incident incident)
    {
        IndexLabels();
        var ids = new List<int>();
        foreach (var alarm in incident.Alarms)
        {
            if (_labels.GetValueOrDefault(Label(AlarmConditions.Key(alarm.Condition, alarm.Source, alarm.Interface), alarm.RaisedMicros)) is int id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private void IndexLabels()
    {
        var log = _world.RaisedLog;
        for (; _labelled < log.Count; _labelled++)
        {
            _labels[Label(log[_labelled].Key, log[_labelled].Micros)] = log[_labelled].FaultId;
        }
    }

    private static string Label(string key, long micros) => $"{key}@{micros}";
}
