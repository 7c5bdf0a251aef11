namespace Quanet.Operations.Ingestion;

/// <summary>Everything one writer transaction committed, in order, for subscribers such as the correlator.</summary>
/// <param name="Events">The stored events.</param>
/// <param name="Changes">The alarm changes they (and operator commands) caused.</param>
public sealed record CommittedBatch(IReadOnlyList<VesEvent> Events, IReadOnlyList<AlarmChange> Changes);
