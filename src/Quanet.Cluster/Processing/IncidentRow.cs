namespace Quanet.Cluster.Processing;

/// <summary>An incident as stored in <c>quanet_incidents</c>.</summary>
/// <param name="Id">Incident id within its region.</param>
/// <param name="Type">Root-cause type (snake_case).</param>
/// <param name="RootCause">Root-cause entity.</param>
/// <param name="OpenedMicros">When it was opened (event time).</param>
/// <param name="ResolvedMicros">When it resolved, or null.</param>
/// <param name="Json">The engine's JSON document of the incident.</param>
internal sealed record IncidentRow(long Id, string Type, string RootCause, long OpenedMicros, long? ResolvedMicros, string Json);
