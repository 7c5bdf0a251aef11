namespace Quanet.Cluster;

/// <summary>Names shared by every node of an operations cluster: the JetStream stream and the Orleans cluster.</summary>
public static class ClusterNames
{
    /// <summary>The JetStream stream that holds every accepted VES event.</summary>
    public const string EventStream = "QUANET_VES";

    /// <summary>The subject prefix of accepted events; the topology region follows (<c>quanet.ves.REGION</c>).</summary>
    public const string EventSubjectPrefix = "quanet.ves.";

    /// <summary>The Orleans cluster and service ID of the operations cluster.</summary>
    public const string ClusterId = "quanet-ops";
}
