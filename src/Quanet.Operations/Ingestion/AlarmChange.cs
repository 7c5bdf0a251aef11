namespace Quanet.Operations.Ingestion;

/// <summary>A committed change to the alarm list, published after its transaction commits.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Alarm">The alarm after the change.</param>
public readonly record struct AlarmChange(AlarmChangeKind Kind, AlarmRecord Alarm);
