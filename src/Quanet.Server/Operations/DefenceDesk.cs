using Quanet.Defence.Response;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;

namespace Quanet.Server.Operations;

/// <summary>
/// The live interconnect defence: telemetry posted to the server runs through one <see cref="DefenceEngine"/> (the
/// default rules and scenario inventory, a simulated interconnect adapter, so no real device changes); isolations
/// that would cut customer traffic wait here for an operator to approve or reject them.
/// </summary>
internal sealed class DefenceDesk
{
    private readonly Lock _lock = new();
    private readonly DefenceEngine _engine = new(DefenceScenario.Inventory(), RuleSetLoader.Default(), new SimulatedInterconnectAdapter());
    private readonly TelemetryParser _parser = new();
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _approved = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Grows with every change (telemetry processed, an isolation decided); raised inside the lock after the change.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Parses <paramref name="body"/> as lines of <paramref name="kind"/> telemetry and processes them in order.</summary>
    public (int Events, int Detections, long Rejected) Ingest(TelemetryKind kind, Stream body)
    {
        var events = _parser.ReadAll(kind, body).OrderBy(e => e.Timestamp).ToList();
        lock (_lock)
        {
            var before = _parser.Rejections.Total;
            var detections = events.Sum(e => _engine.Process(e).Count);
            Interlocked.Increment(ref _version);
            return (events.Count, detections, _parser.Rejections.Total - before);
        }
    }

    public T Read<T>(Func<IReadOnlyList<SecurityIncident>, IReadOnlyList<AuditEntry>, T> read)
    {
        lock (_lock)
        {
            return read(_engine.Correlator.Incidents, _engine.Audit);
        }
    }

    /// <summary>The state of an incident's isolation: pending, approved, rejected, or none.</summary>
    public string IsolationState(SecurityIncident incident) =>
        _approved.Contains(incident.Id) ? "approved"
        : _rejected.Contains(incident.Id) ? "rejected"
        : incident.Response == ResponseKind.AwaitApproval ? "pending"
        : "none";

    public int PendingCount() => Read((incidents, _) => incidents.Count(i => IsolationState(i) == "pending"));

    /// <summary>Approves (isolates now) or rejects (keeps filtering the actors only) a pending isolation.</summary>
    /// <returns>Null when done, else why not (unknown id: <c>404</c> prefix).</returns>
    public string? Decide(string id, bool approve, DateTimeOffset at)
    {
        lock (_lock)
        {
            var incident = _engine.Correlator.Incidents.FirstOrDefault(i => i.Id == id);
            if (incident is null)
            {
                return $"404:defence incident '{Quanet.Core.Text.Printable.Escape(id)}' not found";
            }

            if (IsolationState(incident) != "pending")
            {
                return $"409:defence incident {id} has no isolation awaiting approval (isolation state {IsolationState(incident)})";
            }

            if (approve)
            {
                _engine.Approve(id, at);
                _approved.Add(id);
            }
            else
            {
                _rejected.Add(id);
            }

            Interlocked.Increment(ref _version);
            return null;
        }
    }
}
