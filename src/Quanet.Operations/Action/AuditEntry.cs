namespace Quanet.Operations.Action;

/// <summary>One step of a runbook run's audit trail.</summary>
/// <param name="AtMinutes">Minutes since the run started.</param>
/// <param name="Step">guard, snapshot, change, wait, verify, confirm, rollback, escalate.</param>
/// <param name="Detail">What happened, with values.</param>
public sealed record AuditEntry(double AtMinutes, string Step, string Detail);
