namespace Quanet.Operations.Action;

/// <summary>Guard of a runbook: frequency limit and blast radius.</summary>
public sealed class RunbookGuard
{
    /// <summary>At most this many runs on the same target in 24 h (default 3).</summary>
    public int MaxRunsPerTargetPerDay { get; set; } = 3;

    /// <summary>At most this many cells affected by the change (default 3).</summary>
    public int MaxBlastRadius { get; set; } = 3;
}
