namespace Quanet.Server.Plans;

/// <summary>
/// A signal pulsed whenever any job's status or progress changes; event streams wait on it and then look at
/// their own job, so no update is missed between looking and waiting.
/// </summary>
internal sealed class PlanJobChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next change after this call.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every waiter.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
