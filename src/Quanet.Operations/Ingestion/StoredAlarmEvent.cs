namespace Quanet.Operations.Ingestion;

/// <summary>The columns of a stored event that recovery folds into its alarm (see <see cref="IngestionPipeline"/>).</summary>
/// <param name="Seq">Event sequence number (events.seq).</param>
/// <param name="AlarmId">The alarm the event was folded into.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="EventName">Its eventName.</param>
/// <param name="Problem">Its specificProblem (or alertDescription).</param>
/// <param name="LastMicros">Its lastEpochMicrosec.</param>
internal readonly record struct StoredAlarmEvent(long Seq, long AlarmId, VesSeverity? Severity, string EventName, string? Problem, long LastMicros);
