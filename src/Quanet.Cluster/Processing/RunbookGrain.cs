using Microsoft.Extensions.Logging;

namespace Quanet.Cluster.Processing;

/// <summary>
/// The runbook run of one incident. <see cref="StartAsync"/> records the run, registers a reminder (in the
/// PostgreSQL reminder table) and runs it in the background; if the silo dies mid-run, the reminder activates the
/// grain on a surviving silo within <see cref="ClusterContext.ReminderPeriod"/> and the run resumes step by step
/// (<see cref="DurableRunbookExecutor"/>). The reminder is removed when the run has its outcome.
/// </summary>
internal sealed class RunbookGrain(ClusterContext context, ClusterNetwork network, RunbookFaults faults, ILogger<RunbookGrain> logger)
    : Grain, IRunbookGrain, IRemindable
{
    private const string Resume = "resume";
    private readonly DurableRunbookExecutor _executor = new(context, network, faults);
    private Task? _run;

    public async Task StartAsync(RunbookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _executor.Steps.RegisterAsync(request, CancellationToken.None);

        // the run starts once it is recorded; the reminder (the backstop that resumes it after a failover) comes
        // after, so a reminder service still settling after a silo's death delays no run; a start that fails here
        // is asked again by the region grain, and every step of it is idempotent
        Kick(request);
        await this.RegisterOrUpdateReminder(Resume, context.ReminderPeriod, context.ReminderPeriod);
    }

    public async Task<string?> OutcomeAsync() =>
        (await _executor.Steps.LoadAsync(this.GetPrimaryKeyString(), CancellationToken.None))?.Outcome;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var run = await _executor.Steps.LoadAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        if (run is { Outcome: null } unfinished)
        {
            Kick(unfinished.Request);
        }
        else
        {
            await ForgetAsync();
        }
    }

    private void Kick(RunbookRequest request)
    {
        if (_run is null || _run.IsCompleted)
        {
            _run = RunAsync(request);
        }
    }

    private async Task RunAsync(RunbookRequest request)
    {
        try
        {
            var outcome = await _executor.RunAsync(request, CancellationToken.None);
            if (outcome is not null)
            {
                logger.LogInformation("runbook {Runbook} for {Key}: {Outcome}", request.Runbook, request.IncidentKey, outcome);
                await ForgetAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // the reminder retries
            logger.LogWarning(ex, "runbook run {Key} interrupted", request.IncidentKey);
        }
    }

    private async Task ForgetAsync()
    {
        if (await this.GetReminder(Resume) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
