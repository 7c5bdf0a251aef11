using Quanet.Cluster.Ingestion;

namespace Quanet.Cluster.Processing;

/// <summary>
/// Where region grains take their events from when the silo runs on a JetStream log: the log's region consumer
/// and the inventory's regions. Each region grain runs its own region's consumer, so one consumer runs per
/// region in the whole cluster (Orleans keeps one activation per grain), and after a failover the reactivated
/// grain resumes it from the last acknowledged batch.
/// </summary>
internal sealed class RegionFeed(RegionConsumer consumer, IReadOnlyList<string> regions)
{
    /// <summary>The consumer of the regions' durable pull consumers.</summary>
    public RegionConsumer Consumer { get; } = consumer;

    /// <summary>Every region an event can be published under.</summary>
    public IReadOnlyList<string> Regions { get; } = regions;
}
