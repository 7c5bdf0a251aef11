namespace Quanet.Cluster.Processing;

/// <summary>The grain state of a region (in the PostgreSQL grain storage): how far its stream has been applied.</summary>
[GenerateSerializer]
internal sealed class RegionCheckpoint
{
    /// <summary>The log position (<c>LoggedEvent.Position</c>) of the last applied event (0: none).</summary>
    [Id(0)]
    public ulong LastAppliedSequence { get; set; }

    /// <summary>Batches applied so far.</summary>
    [Id(1)]
    public long Batches { get; set; }
}
