namespace Quanet.Cluster.Ingestion;

/// <summary>What the log acknowledged for one publish call; every event of the call is acknowledged.</summary>
/// <param name="Stored">Events stored now.</param>
/// <param name="Duplicates">Events the duplicate window recognised as stored before (not stored again).</param>
/// <param name="LastSequence">The highest stream sequence among the acknowledgements (0 for an empty call).</param>
public sealed record PublishReceipt(int Stored, int Duplicates, ulong LastSequence);
