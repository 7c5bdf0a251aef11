namespace Quanet.Cluster.Processing;

/// <summary>What a batch changed in a region: incidents to upsert, notices to add, incidents newly opened.</summary>
/// <param name="Incidents">Incidents new or changed since the last batch.</param>
/// <param name="Notices">New notices (alarm id, JSON).</param>
/// <param name="Remediations">Runbook runs the newly opened incidents call for.</param>
internal sealed record RegionChanges(IReadOnlyList<IncidentRow> Incidents, IReadOnlyList<(long AlarmId, string Json)> Notices, IReadOnlyList<RunbookRequest> Remediations);
