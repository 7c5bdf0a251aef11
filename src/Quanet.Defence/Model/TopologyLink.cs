namespace Quanet.Defence.Model;

/// <summary>An undirected link of the traffic topology with its capacity.</summary>
/// <param name="Id">Link id (interconnects name theirs).</param>
/// <param name="A">One end node.</param>
/// <param name="B">Other end node.</param>
/// <param name="CapacityMbps">Capacity in Mbit/s.</param>
public sealed record TopologyLink(string Id, string A, string B, double CapacityMbps);
