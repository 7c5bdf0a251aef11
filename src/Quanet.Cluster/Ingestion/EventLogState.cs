namespace Quanet.Cluster.Ingestion;

/// <summary>A look at the ingestion log's stream.</summary>
/// <param name="Events">Messages stored: events, bundles of events, and copies of hub events for neighbouring regions.</param>
/// <param name="FirstSequence">The first stored sequence.</param>
/// <param name="LastSequence">The last stored sequence.</param>
/// <param name="Replicas">Copies the stream is configured to keep.</param>
/// <param name="Servers">The servers holding a copy, the leader first; a replica behind the leader is marked "(catching up)".</param>
public sealed record EventLogState(long Events, ulong FirstSequence, ulong LastSequence, int Replicas, IReadOnlyList<string> Servers);
