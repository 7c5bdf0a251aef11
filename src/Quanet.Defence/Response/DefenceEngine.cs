using Quanet.Defence.Model;
using Quanet.Defence.Rules;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Response;

/// <summary>
/// Interconnect defence end to end: events -> rule detections -> correlated incidents -> policy decision ->
/// guarded action through the adapter (isolation only after the blast-radius check), every step audited and
/// every change reversible.
/// </summary>
public sealed class DefenceEngine
{
    private readonly DefenceInventory _inventory;
    private readonly IInterconnectAdapter _adapter;
    private readonly List<AuditEntry> _audit = [];
    private readonly Dictionary<string, string> _isolationChange = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _filtered = [];
    private readonly HashSet<string> _awaiting = new(StringComparer.Ordinal);
    private readonly TimeSpan _latency;

    /// <summary>Creates the engine.</summary>
    /// <param name="inventory">Interconnects, prefixes, topology and demands.</param>
    /// <param name="rules">Detection rules.</param>
    /// <param name="adapter">The device adapter that applies responses.</param>
    /// <param name="policy">The response policy (defaults when null).</param>
    /// <param name="applyLatency">Time a device change takes to apply, added to containment times.</param>
    public DefenceEngine(DefenceInventory inventory, RuleSet rules, IInterconnectAdapter adapter, ResponsePolicy? policy = null, TimeSpan? applyLatency = null)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        _inventory = inventory;
        _adapter = adapter;
        Detection = new DetectionEngine(inventory, rules);
        Policy = policy ?? new ResponsePolicy();
        _latency = applyLatency ?? (adapter as SimulatedInterconnectAdapter)?.ApplyLatency ?? TimeSpan.Zero;
    }

    /// <summary>The rule engine (swap rules through it).</summary>
    public DetectionEngine Detection { get; }

    /// <summary>The response policy.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>The incident correlator.</summary>
    public IncidentCorrelator Correlator { get; } = new();

    /// <summary>Every action taken, in order.</summary>
    public IReadOnlyList<AuditEntry> Audit => _audit;

    /// <summary>Processes one event (in time order) and returns the detections it caused.</summary>
    public IReadOnlyList<Detection> Process(SecurityEvent ev)
    {
        var detections = Detection.Inspect(ev);
        foreach (var detection in detections)
        {
            var incident = Correlator.Add(detection);
            Respond(incident, detection.Timestamp);
        }

        return detections;
    }

    /// <summary>Approves an isolation that waited for a human because it would cut customer traffic.</summary>
    public void Approve(string incidentId, DateTimeOffset at)
    {
        var incident = Find(incidentId);
        if (incident.Interconnect is null || !_awaiting.Remove(incident.Id))
        {
            throw new InvalidOperationException($"incident {incidentId} is not waiting for approval");
        }

        Isolate(incident, at, "isolation approved by an operator despite the blast radius");
    }

    /// <summary>Reverts every device change made for <paramref name="incidentId"/> (rollback), auditing each.</summary>
    public int Rollback(string incidentId, DateTimeOffset at)
    {
        var reverted = 0;
        foreach (var entry in _audit.Where(e => e.Incident == incidentId && e.ChangeId is not null).Reverse().ToList())
        {
            if (_audit.Any(e => e.Action == "rollback" && e.ChangeId == entry.ChangeId))
            {
                continue;
            }

            _adapter.Revert(entry.ChangeId!, at);
            if (entry.Actor is null && entry.Interconnect is not null)
            {
                _isolationChange.Remove(entry.Interconnect);
            }
            else if (entry.Interconnect is not null && entry.Actor is not null)
            {
                _filtered.Remove((entry.Interconnect, entry.Actor));
            }

            _audit.Add(new AuditEntry(at, incidentId, "rollback", entry.Interconnect, entry.Actor, entry.ChangeId, $"reverted {entry.Action}"));
            reverted++;
        }

        return reverted;
    }

    private void Respond(SecurityIncident incident, DateTimeOffset at)
    {
        var decision = Policy.Decide(incident);
        if (decision == ResponseKind.AlertOnly || incident.Interconnect is null)
        {
            if (incident.Detections.Count == 1)
            {
                _audit.Add(new AuditEntry(at, incident.Id, "alert", incident.Interconnect, null, null, incident.Detections[0].Explanation));
            }

            return;
        }

        if (decision == ResponseKind.Isolate && !_isolationChange.ContainsKey(incident.Interconnect) && !_awaiting.Contains(incident.Id))
        {
            var link = _inventory.Find(incident.Interconnect)?.LinkId;
            var cut = new HashSet<string>(_isolationChange.Keys.Select(id => _inventory.Find(id)?.LinkId ?? id), StringComparer.Ordinal);
            if (link is not null)
            {
                cut.Add(link);
            }

            var lost = BlastRadius.LostDemands(_inventory, cut);
            if (lost.Count == 0 || !Policy.BlastRadiusCheck)
            {
                Isolate(incident, at, lost.Count == 0
                    ? $"confidence {incident.Confidence:F3} from {incident.Sources.Count} sources; blast-radius check: all {_inventory.Demands.Count} customer demands keep a path"
                    : $"isolated without a blast-radius check: {lost.Sum(d => d.Mbps):F0} Mbit/s of customer traffic loses its path");
                return;
            }

            _awaiting.Add(incident.Id);
            incident.Response = ResponseKind.AwaitApproval;
            _audit.Add(new AuditEntry(at, incident.Id, "approval-required", incident.Interconnect, null, null,
                $"isolation would cut {lost.Sum(d => d.Mbps):F0} Mbit/s of customer traffic ({lost.Count} demands): filtering the actors meanwhile"));
        }

        FilterActors(incident, at);
    }

    private void FilterActors(SecurityIncident incident, DateTimeOffset at)
    {
        var ic = incident.Interconnect!;
        if (_isolationChange.ContainsKey(ic))
        {
            return;
        }

        foreach (var actor in incident.Actors)
        {
            if (_filtered.Add((ic, actor)))
            {
                var change = _adapter.Filter(ic, actor, at);
                _audit.Add(new AuditEntry(at + _latency, incident.Id, "filter", ic, actor, change, $"filter {actor} on {ic}: confidence {incident.Confidence:F3}"));
            }
        }

        if (incident.Response < ResponseKind.RateLimit)
        {
            incident.Response = ResponseKind.RateLimit;
        }

        incident.ContainedAt ??= at + _latency;
    }

    private void Isolate(SecurityIncident incident, DateTimeOffset at, string reason)
    {
        var ic = incident.Interconnect!;
        var change = _adapter.Isolate(ic, at);
        _isolationChange[ic] = change;
        _audit.Add(new AuditEntry(at + _latency, incident.Id, "isolate", ic, null, change, reason));
        incident.Response = ResponseKind.Isolate;
        incident.ContainedAt ??= at + _latency;
    }

    private SecurityIncident Find(string id) =>
        Correlator.Incidents.FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"no incident '{id}'");
}
