namespace Quanet.Cluster.Ingestion;

/// <summary>An event to append to the ingestion log.</summary>
/// <param name="Region">Its topology region (<see cref="TopologyRegions.RegionOf"/>).</param>
/// <param name="MessageId">
/// Its identity for JetStream's duplicate window (<c>Nats-Msg-Id</c>): the same event sent again within the window is
/// stored once. <see cref="VesLogEntries"/> uses the VES source, event ID and sequence.
/// </param>
/// <param name="Json">The event object as UTF-8 JSON.</param>
/// <param name="Copy">
/// A copy of an event for a neighbouring region (<see cref="TopologyRegions.RegionsOf"/>), not counted as an event of
/// the request in the receipt.
/// </param>
public sealed record EventToLog(string Region, string MessageId, ReadOnlyMemory<byte> Json, bool Copy = false);
