namespace Quanet.Cluster.Processing;

/// <summary>
/// The processing of one topology region (grain key: the region): its alarm list, its correlator and its incidents.
/// Applies are idempotent by stream sequence: events at or below the last applied sequence change nothing.
/// </summary>
internal interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of the region's events in stream order; returns the last applied sequence.</summary>
    Task<ulong> ApplyAsync(IReadOnlyList<RegionEvent> events);

    /// <summary>Groups all alarms still waiting for their settle time (the end of a replay).</summary>
    Task FlushAsync();

    /// <summary>Makes sure the region's feed from the JetStream log runs here (and a reminder restarts it after a failover).</summary>
    Task KeepFedAsync();

    /// <summary>The region's progress and incidents.</summary>
    Task<RegionStatus> StatusAsync();
}
