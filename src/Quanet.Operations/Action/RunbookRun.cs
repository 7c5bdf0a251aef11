namespace Quanet.Operations.Action;

/// <summary>One execution of a runbook against an incident, with its audit trail.</summary>
public sealed class RunbookRun
{
    /// <summary>Run id.</summary>
    public required long Id { get; init; }

    /// <summary>The incident.</summary>
    public required long IncidentId { get; init; }

    /// <summary>Runbook name.</summary>
    public required string Runbook { get; init; }

    /// <summary>Target element.</summary>
    public required string Target { get; init; }

    /// <summary>When it started (microseconds since 1970, event time).</summary>
    public long StartedMicros { get; init; }

    /// <summary>How it ended.</summary>
    public RunbookOutcome Outcome { get; set; }

    /// <summary>Duration in minutes (change, restart and verification waits).</summary>
    public double DurationMinutes { get; set; }

    /// <summary>Configuration changes applied (a rollback counts as one).</summary>
    public int ChangesApplied { get; set; }

    /// <summary>Operator minutes spent (manual confirmation).</summary>
    public double OperatorMinutes { get; set; }

    /// <summary>What to escalate to when not fixed (field_visit, capacity_planning), or null.</summary>
    public string? EscalatedTo { get; set; }

    /// <summary>The audit trail.</summary>
    public List<AuditEntry> Audit { get; } = [];
}
