namespace Quanet.Cluster.Processing;

/// <summary>
/// A fault-injection point of the runbook executor: called after a step's network action was applied and before
/// the step is recorded done, the one moment where a silo's death tests exactly-once. No-op unless a test sets it.
/// </summary>
internal sealed class RunbookFaults
{
    /// <summary>Awaited after the action of (<c>incident key</c>, <c>step</c>) reached the network.</summary>
    public Func<string, string, Task> AfterAction { get; set; } = static (_, _) => Task.CompletedTask;
}
