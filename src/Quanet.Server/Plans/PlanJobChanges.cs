namespace Quanet.Server.Plans;

/// <summary>
/// A signal pulsed whenever any job's status or progress changes; event streams wait on it and then look at
/// their own job, so no update is missed between looking and waiting.
/// </summary>
internal sealed class PlanJobChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    /// <summary>Grows with every pulse (a read document of the jobs built at an older version is out of date).</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>A task that completes at the next change after this call.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Counts a change (call it after the change is stored) and wakes every waiter.</summary>
    public void Pulse()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
