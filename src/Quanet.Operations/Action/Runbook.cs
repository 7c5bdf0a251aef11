namespace Quanet.Operations.Action;

/// <summary>
/// A declarative runbook (YAML or JSON, snake_case keys) for one incident type: guard, snapshot,
/// change, post-change KPI verification, then confirm or roll back, and what to escalate to.
/// </summary>
public sealed class Runbook
{
    /// <summary>Runbook name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Incident type it handles (snake_case, e.g. <c>du_software_crash</c>).</summary>
    public string Incident { get; set; } = "";

    /// <summary>What it acts on: <c>root_cause</c> (the incident's root element).</summary>
    public string Target { get; set; } = "root_cause";

    /// <summary>Safety limits checked before any change.</summary>
    public RunbookGuard Guard { get; set; } = new();

    /// <summary>Whether to snapshot the target's configuration before the change (needed for rollback).</summary>
    public bool Snapshot { get; set; } = true;

    /// <summary>The change.</summary>
    public RunbookChange Change { get; set; } = new();

    /// <summary>Post-change verification.</summary>
    public RunbookVerify Verify { get; set; } = new();

    /// <summary><c>rollback</c> (restore the snapshot when verification fails) or <c>keep</c>.</summary>
    public string OnFailure { get; set; } = "rollback";

    /// <summary><c>auto</c> (confirm when verification passes) or <c>manual</c> (an operator approves; counted as effort).</summary>
    public string Confirm { get; set; } = "auto";

    /// <summary>What to do when the runbook does not fix the incident: <c>field_visit</c>, <c>capacity_planning</c> or <c>none</c>.</summary>
    public string Escalate { get; set; } = "field_visit";
}
