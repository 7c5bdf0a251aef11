namespace Quanet.Cluster.Ingestion;

/// <summary>One accepted VES event as the ingestion log holds it.</summary>
/// <param name="StreamSequence">
/// The event's sequence number in the stream <see cref="ClusterNames.EventStream"/>: unique, and increasing within a
/// region, so a consumer that records the last sequence it applied can make a repeated delivery a no-op.
/// </param>
/// <param name="Region">The topology region the event was published under (<see cref="TopologyRegions"/>).</param>
/// <param name="Json">The event object as UTF-8 JSON (<c>{"commonEventHeader":...}</c>, what <c>VesParser.ParseBody</c> reads).</param>
public sealed record LoggedEvent(ulong StreamSequence, string Region, ReadOnlyMemory<byte> Json);
