namespace Quanet.Cluster.Ingestion;

/// <summary>JetStream's acknowledgement of one stored event.</summary>
internal readonly record struct PublishAck(ulong Sequence, bool Duplicate);
