namespace Quanet.Cluster.Chaos;

/// <summary>What the chaos benchmark kills with SIGKILL (and starts again).</summary>
public enum ChaosKind
{
    /// <summary>A silo process (<c>quanet ops silo</c>): its region grains fail over to the other silos.</summary>
    Silo,

    /// <summary>A nats-server process of the JetStream cluster: the stream keeps a quorum on the two others.</summary>
    Nats,

    /// <summary>A collector process (<c>quanet ops collector</c>): its senders retry on the other collector.</summary>
    Collector,
}
