namespace Quanet.Operations.Correlation;

/// <summary>How an incident will be fixed, and why.</summary>
/// <param name="FieldVisit">true: dispatch a technician; false: fix remotely.</param>
/// <param name="Runbook">The runbook to run remotely (also before a visit), or null.</param>
/// <param name="Location">Where to send the technician (site id, or the link with its end sites).</param>
/// <param name="Reason">Why.</param>
public sealed record ResolutionDecision(bool FieldVisit, string? Runbook, string? Location, string Reason);
