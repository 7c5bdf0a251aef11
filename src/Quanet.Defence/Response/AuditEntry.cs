namespace Quanet.Defence.Response;

/// <summary>One audited response action.</summary>
/// <param name="At">When it was taken (applied at + adapter latency).</param>
/// <param name="Incident">The incident it answers.</param>
/// <param name="Action">What was done.</param>
/// <param name="Interconnect">Where.</param>
/// <param name="Actor">Which actor was filtered, or null.</param>
/// <param name="ChangeId">The device change, for rollback; null when nothing changed.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record AuditEntry(DateTimeOffset At, string Incident, string Action, string? Interconnect, string? Actor, string? ChangeId, string Reason);
