namespace Quanet.Cluster.Ingestion;

/// <summary>One accepted VES event as the ingestion log holds it.</summary>
/// <param name="StreamSequence">
/// The sequence number in the stream <see cref="ClusterNames.EventStream"/> of the message that carries the event:
/// unique per message, and increasing within a region. The events of one bundle share it.
/// </param>
/// <param name="Region">The topology region the event was published under (<see cref="TopologyRegions"/>).</param>
/// <param name="Json">The event object as UTF-8 JSON (<c>{"commonEventHeader":...}</c>, what <c>VesParser.ParseBody</c> reads).</param>
/// <param name="Index">The event's place in its bundle (0 for a message of one event).</param>
public sealed record LoggedEvent(ulong StreamSequence, string Region, ReadOnlyMemory<byte> Json, int Index = 0)
{
    /// <summary>Bits of <see cref="Position"/> that hold <see cref="Index"/>: a bundle holds at most 10,000 events.</summary>
    public const int IndexBits = 16;

    /// <summary>
    /// The event's unique position in the log, increasing within a region: the stream sequence, then the place in the
    /// bundle (<c>StreamSequence * 65536 + Index</c>). The key to make applies idempotent: a processor that stores the
    /// last position it applied makes a repeated delivery a no-op, and the events of a bundle stay distinct.
    /// </summary>
    public ulong Position => (StreamSequence << IndexBits) | (uint)Index;
}
