namespace Quanet.Operations.Ingestion;

/// <summary>
/// Writes what it derives from a batch of events into the same writer transaction as the events, so that both are
/// committed or neither is (the KPI notices). Called on the writer, in order.
/// </summary>
internal interface ICommitParticipant
{
    /// <summary>Derives and writes rows for <paramref name="events"/> through <paramref name="store"/>'s writer, before the commit.</summary>
    void Write(IReadOnlyList<VesEvent> events, OperationsStore store);

    /// <summary>The transaction was rolled back: what <see cref="Write"/> derived was not stored.</summary>
    void RolledBack(OperationsStore store);
}
