namespace Quanet.Server.Security;

/// <summary>One mutating call: who made it, what it was, when, and the status it got.</summary>
/// <param name="Id">Sequence number, increasing.</param>
/// <param name="At">When the call finished (UTC).</param>
/// <param name="Caller">Key name or token subject; <c>anonymous</c> when no credential was accepted.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path (without the query).</param>
/// <param name="Status">HTTP status of the answer.</param>
public sealed record AuditRecord(long Id, DateTimeOffset At, string Caller, string Method, string Path, int Status);
