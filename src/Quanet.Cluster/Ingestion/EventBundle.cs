namespace Quanet.Cluster.Ingestion;

/// <summary>One JetStream message to publish: a single event, or <see cref="Count"/> events of one region.</summary>
/// <param name="Entry">The message: region, message ID and body.</param>
/// <param name="Count">How many events it carries.</param>
/// <param name="Compressed">Its body is zlib-compressed (<see cref="EventBundles.EncodingHeader"/>).</param>
/// <param name="Copies">How many of them are copies for a neighbouring region (<see cref="EventToLog.Copy"/>).</param>
internal sealed record EventBundle(EventToLog Entry, int Count, bool Compressed = false, int Copies = 0);
