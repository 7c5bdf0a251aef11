namespace Quanet.Operations.Action;

/// <summary>How a runbook run ended.</summary>
public enum RunbookOutcome
{
    /// <summary>Verification passed and the change was confirmed.</summary>
    Fixed,

    /// <summary>Verification failed and the snapshot was restored.</summary>
    RolledBack,

    /// <summary>Verification failed and the change was kept (on_failure: keep).</summary>
    NotFixed,

    /// <summary>The guard refused to run (frequency limit or blast radius).</summary>
    Blocked,

    /// <summary>The element rejected the change or could not be reached.</summary>
    Failed,
}
