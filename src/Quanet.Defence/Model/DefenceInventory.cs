using System.Net;

namespace Quanet.Defence.Model;

/// <summary>What the interconnect defence knows about our network: interconnects, own prefixes and subscribers, topology, customer demand.</summary>
public sealed record DefenceInventory
{
    /// <summary>Our autonomous system number.</summary>
    public required long OwnAsn { get; init; }

    /// <summary>Our prefixes with their allowed origins.</summary>
    public IReadOnlyList<OwnPrefix> OwnPrefixes { get; init; } = [];

    /// <summary>Our home IMSI prefixes (MCC+MNC).</summary>
    public IReadOnlyList<string> HomeImsiPrefixes { get; init; } = [];

    /// <summary>Our management networks (NOC jump hosts): sessions from here are internal.</summary>
    public IReadOnlyList<IPNetwork> ManagementNetworks { get; init; } = [];

    /// <summary>Our internal infrastructure ranges (routers, core functions): targets of lateral movement.</summary>
    public IReadOnlyList<IPNetwork> InfrastructureNetworks { get; init; } = [];

    /// <summary>The interconnects.</summary>
    public IReadOnlyList<Interconnect> Interconnects { get; init; } = [];

    /// <summary>Links of the traffic topology (interconnects reference theirs).</summary>
    public IReadOnlyList<TopologyLink> Links { get; init; } = [];

    /// <summary>Customer traffic that must keep a path.</summary>
    public IReadOnlyList<TrafficDemand> Demands { get; init; } = [];

    /// <summary>The interconnect with <paramref name="id"/>, or null.</summary>
    public Interconnect? Find(string id)
    {
        foreach (var ic in Interconnects)
        {
            if (ic.Id == id)
            {
                return ic;
            }
        }

        return null;
    }

    /// <summary>The interconnect whose peer networks contain <paramref name="address"/>, or null.</summary>
    public Interconnect? BySourceAddress(IPAddress address)
    {
        foreach (var ic in Interconnects)
        {
            foreach (var net in ic.PeerNetworks)
            {
                if (net.Contains(address))
                {
                    return ic;
                }
            }
        }

        return null;
    }

    /// <summary>The IP interconnect whose BGP peer is <paramref name="asn"/>, or null.</summary>
    public Interconnect? ByPeerAsn(long asn)
    {
        foreach (var ic in Interconnects)
        {
            if (ic.PeerAsn == asn)
            {
                return ic;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="address"/> lies in one of <paramref name="networks"/>.</summary>
    public static bool InAny(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        foreach (var net in networks)
        {
            if (net.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
