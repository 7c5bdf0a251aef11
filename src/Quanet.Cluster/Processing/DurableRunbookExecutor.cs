using System.Text.Json;
using Quanet.Operations.Action;

namespace Quanet.Cluster.Processing;

/// <summary>
/// Runs a runbook the way <see cref="RunbookExecutor"/> does (guard, snapshot, change, verify, then confirm or
/// roll back to the snapshot) but step by step against <see cref="RunbookStepStore"/>, so that a run that a dead
/// silo left half done resumes on another silo without repeating or skipping a step. Read-only steps (guard,
/// snapshot, verify) record their result and are redone if they had not; a step that changes the network
/// (change, rollback) is recorded started before its action and done after, and one found started is checked
/// against the network (<see cref="ClusterNetwork.HasAppliedAsync"/> by its action key) before deciding. The
/// snapshot is recorded, so a rollback after a failover restores the configuration from before the change.
/// </summary>
internal sealed partial class DurableRunbookExecutor(ClusterContext context, ClusterNetwork network, RunbookFaults faults)
{
    private readonly RunbookStepStore _steps = new(context.Database);

    /// <summary>The step store.</summary>
    public RunbookStepStore Steps => _steps;

    /// <summary>
    /// Runs (or resumes) the run of <paramref name="request"/> to its end and returns its outcome (snake_case), or
    /// null when another executor holds the run (it is running elsewhere right now).
    /// </summary>
    public async Task<string?> RunAsync(RunbookRequest request, CancellationToken cancellationToken)
    {
        var key = request.IncidentKey;
        var held = await _steps.LockAsync(key, cancellationToken);
        if (held is null)
        {
            return null;
        }

        try
        {
            if (await _steps.LoadAsync(key, cancellationToken) is { Outcome: { } done })
            {
                return done;
            }

            var audit = new List<AuditEntry>();
            var runbook = context.Runbooks.All.FirstOrDefault(r => r.Name == request.Runbook);
            if (runbook is null)
            {
                return await FinishAsync(key, RunbookOutcome.Failed, audit, $"no runbook named {request.Runbook}", cancellationToken);
            }

            return await RunAsync(request, runbook, audit, cancellationToken);
        }
        finally
        {
            await RunbookStepStore.UnlockAsync(held);
        }
    }

    private async Task<string> RunAsync(RunbookRequest request, Runbook runbook, List<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var key = request.IncidentKey;
        var target = request.Target;
        var cells = RunbookExecutor.AffectedCells(context.Inventory, target);
        var guard = await ReadOnlyStepAsync(key, "guard", async () =>
        {
            var recent = await _steps.RecentRunsAsync(key, runbook.Name, target, request.StartedMicros - (24L * 3600 * 1_000_000), cancellationToken);
            return recent >= runbook.Guard.MaxRunsPerTargetPerDay
                ? $"blocked: frequency limit: {recent} runs on {target} in 24 h (limit {runbook.Guard.MaxRunsPerTargetPerDay})"
                : cells.Count > runbook.Guard.MaxBlastRadius
                    ? $"blocked: blast radius: {cells.Count} cells affected (limit {runbook.Guard.MaxBlastRadius})"
                    : $"passed: {recent} earlier runs on {target} in 24 h, {cells.Count} cells affected";
        }, cancellationToken);
        audit.Add(new AuditEntry(0, "guard", guard));
        if (guard.StartsWith("blocked", StringComparison.Ordinal))
        {
            return await FinishAsync(key, RunbookOutcome.Blocked, audit, guard, cancellationToken);
        }

        Dictionary<string, double>? snapshot = null;
        if (runbook.Snapshot)
        {
            var json = await ReadOnlyStepAsync(key, "snapshot",
                async () => JsonSerializer.Serialize(await network.GetConfigurationAsync(target, cancellationToken)), cancellationToken);
            snapshot = JsonSerializer.Deserialize<Dictionary<string, double>>(json)!;
            audit.Add(new AuditEntry(0.5, "snapshot", RunbookExecutor.Describe(snapshot)));
        }

        try
        {
            var change = await ActionStepAsync(key, "change", () => ChangeAsync(runbook, target, key + "/change", cancellationToken), cancellationToken);
            audit.Add(new AuditEntry(1.5, "change", change));
        }
        catch (DeviceException ex)
        {
            return await FinishAsync(key, RunbookOutcome.Failed, audit, ex.Message, cancellationToken);
        }

        var verify = await ReadOnlyStepAsync(key, "verify", async () =>
        {
            await Task.Yield();
            var (ok, report) = RunbookExecutor.CheckKpis(runbook, cells, await network.KpiReaderAsync(cells, cancellationToken));
            return (ok ? "passed: " : "failed: ") + report;
        }, cancellationToken);
        audit.Add(new AuditEntry(1.5 + runbook.Verify.WaitMinutes, "verify", verify));
        if (verify.StartsWith("passed", StringComparison.Ordinal))
        {
            audit.Add(new AuditEntry(1.5 + runbook.Verify.WaitMinutes, "confirm", runbook.Confirm == "manual" ? "operator approved" : "confirmed automatically"));
            return await FinishAsync(key, RunbookOutcome.Fixed, audit, null, cancellationToken);
        }

        if (runbook.OnFailure == "rollback" && snapshot is not null && runbook.Change.Action is "set" or "restore_last_known_good")
        {
            var restored = await ActionStepAsync(key, "rollback", async () =>
            {
                await network.ApplyAsync(target, snapshot, key + "/rollback", cancellationToken);
                return "restored snapshot " + RunbookExecutor.Describe(snapshot);
            }, cancellationToken);
            await _steps.CompleteAsync(key, "change", StepState.RolledBack, JsonSerializer.Serialize("rolled back: " + restored), cancellationToken);
            audit.Add(new AuditEntry(2.5 + runbook.Verify.WaitMinutes, "rollback", restored));
            return await FinishAsync(key, RunbookOutcome.RolledBack, audit, "verification failed, change rolled back", cancellationToken);
        }

        return runbook.OnFailure == "rollback"
            ? await FinishAsync(key, RunbookOutcome.RolledBack, audit, "verification failed", cancellationToken)
            : await FinishAsync(key, RunbookOutcome.NotFixed, audit, "verification failed, change kept", cancellationToken);
    }

    private async Task<string> ChangeAsync(Runbook runbook, string target, string actionKey, CancellationToken cancellationToken)
    {
        switch (runbook.Change.Action)
        {
            case "set":
                await network.ApplyAsync(target, runbook.Change.Parameters, actionKey, cancellationToken);
                return "set " + RunbookExecutor.Describe(runbook.Change.Parameters);
            case "restore_last_known_good":
                var good = await network.LastKnownGoodAsync(target, cancellationToken)
                    ?? throw new DeviceException(target, "no earlier configuration revision to restore");
                await network.ApplyAsync(target, good, actionKey, cancellationToken);
                return "restored last known good " + RunbookExecutor.Describe(good);
            case "restart":
                await network.RestartAsync(target, actionKey, cancellationToken);
                return $"restarted {target}";
            default:
                return "none";
        }
    }
}
