namespace Quanet.Cluster.Processing;

/// <summary>The state of a runbook step in <c>quanet_runbook_steps</c>.</summary>
internal enum StepState
{
    /// <summary>No row: the step has not begun.</summary>
    None,

    /// <summary>Begun, its outcome not recorded: on recovery it is checked against the network.</summary>
    Started,

    /// <summary>Done, with its result recorded.</summary>
    Done,

    /// <summary>A change step that a rollback undid.</summary>
    RolledBack,
}
