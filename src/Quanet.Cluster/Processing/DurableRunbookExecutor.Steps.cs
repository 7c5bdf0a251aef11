using System.Text.Json;
using Quanet.Operations.Action;
using Quanet.Operations.Engine;

namespace Quanet.Cluster.Processing;

// The two kinds of step (read-only, network-changing) and the end of a run.
internal sealed partial class DurableRunbookExecutor
{
    /// <summary>A step without side effects: its recorded result, or computed now and recorded.</summary>
    private async Task<string> ReadOnlyStepAsync(string key, string step, Func<Task<string>> compute, CancellationToken cancellationToken)
    {
        var record = await _steps.ReadAsync(key, step, cancellationToken);
        if (record is { State: StepState.Done, Result: { } recorded })
        {
            return JsonSerializer.Deserialize<string>(recorded)!;
        }

        var result = await compute();
        await _steps.CompleteAsync(key, step, StepState.Done, JsonSerializer.Serialize(result), cancellationToken);
        return result;
    }

    /// <summary>
    /// A step that changes the network, exactly once: begun (row inserted as started), acted, recorded done. A step
    /// found started was interrupted between the two records: its action key tells whether the action reached the network.
    /// </summary>
    private async Task<string> ActionStepAsync(string key, string step, Func<Task<string>> act, CancellationToken cancellationToken)
    {
        var actionKey = key + "/" + step;
        var record = await _steps.BeginAsync(key, step, cancellationToken);
        if (record.State is StepState.Done or StepState.RolledBack)
        {
            return record.Result is null ? "done" : JsonSerializer.Deserialize<string>(record.Result)!;
        }

        string result;
        if (record.State == StepState.Started && await network.HasAppliedAsync(actionKey, cancellationToken))
        {
            result = "applied before a failover; found on the network, not repeated";
        }
        else
        {
            result = await act();
            await faults.AfterAction(key, step);
        }

        await _steps.CompleteAsync(key, step, StepState.Done, JsonSerializer.Serialize(result), cancellationToken);
        return result;
    }

    private async Task<string> FinishAsync(string key, RunbookOutcome outcome, List<AuditEntry> audit, string? why, CancellationToken cancellationToken)
    {
        if (why is not null)
        {
            audit.Add(new AuditEntry(audit.Count == 0 ? 0 : audit[^1].AtMinutes, outcome == RunbookOutcome.Blocked ? "guard" : "escalate", why));
        }

        var name = OutcomeName(outcome);
        await _steps.FinishAsync(key, name, OperationsEngine.ToJson(audit), cancellationToken);
        return name;
    }

    /// <summary>The snake_case name of <paramref name="outcome"/>.</summary>
    internal static string OutcomeName(RunbookOutcome outcome) =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());
}
