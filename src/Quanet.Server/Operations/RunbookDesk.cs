using Quanet.Core;
using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;

namespace Quanet.Server.Operations;

/// <summary>
/// Operator approval of an incident's runbook and its rollback. Approving snapshots the root-cause element's
/// configuration first; rolling back re-applies that snapshot through the network adapter (a restart changes no
/// configuration and has nothing to roll back). Snapshots live as long as the server process.
/// </summary>
internal sealed class RunbookDesk(OperationsEngine engine)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, (string Target, IReadOnlyDictionary<string, double> Before, long RunId)> _snapshots = [];

    public async Task<RunbookRun> ApproveAsync(Incident incident, long nowMicros, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var before = engine.Network.GetConfiguration(incident.RootCause);
            var run = await engine.RunRunbookAsync(incident, nowMicros, cancellationToken);
            if (run.ChangesApplied > 0)
            {
                _snapshots[incident.Id] = (incident.RootCause, new Dictionary<string, double>(before), run.Id);
            }

            return run;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Restores the configuration from before the incident's approved runbook changed it.</summary>
    /// <exception cref="QuanetException">No configuration change of an approved runbook to roll back.</exception>
    public async Task<object> RollbackAsync(Incident incident, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_snapshots.Remove(incident.Id, out var snapshot))
            {
                throw new QuanetException($"incident {incident.Id} has no configuration change from an approved runbook to roll back");
            }

            engine.Network.Apply(snapshot.Target, snapshot.Before, $"rb{snapshot.RunId}-operator-rollback");
            return new { incidentId = incident.Id, runId = snapshot.RunId, target = snapshot.Target, restored = snapshot.Before };
        }
        finally
        {
            _gate.Release();
        }
    }
}
