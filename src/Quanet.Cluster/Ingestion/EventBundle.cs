namespace Quanet.Cluster.Ingestion;

/// <summary>One JetStream message to publish: a single event, or <see cref="Count"/> events of one region.</summary>
internal sealed record EventBundle(EventToLog Entry, int Count);
