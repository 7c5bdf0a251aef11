using System.Net;
using Quanet.Defence.Model;

namespace Quanet.Defence.Simulation;

/// <summary>
/// The default network of the interconnect simulation: AS 206000 with 198.18.0.0/15, a wireline peering partner,
/// two transit providers, a direct SS7 roaming partner and an SS7 hub, redundant links so that any one
/// interconnect can be cut without losing customer traffic (but not two transits at once).
/// </summary>
public static class DefenceScenario
{
    /// <summary>Our ASN.</summary>
    public const long OwnAsn = 206000;

    /// <summary>Our home IMSI prefix (MCC 262, MNC 99).</summary>
    public const string HomeImsi = "26299";

    /// <summary>The scenario's inventory.</summary>
    public static DefenceInventory Inventory() => new()
    {
        OwnAsn = OwnAsn,
        OwnPrefixes =
        [
            new OwnPrefix(IPNetwork.Parse("198.18.0.0/15"), [OwnAsn], 24),
        ],
        HomeImsiPrefixes = [HomeImsi],
        ManagementNetworks = [IPNetwork.Parse("198.18.1.0/24")],
        InfrastructureNetworks = [IPNetwork.Parse("198.18.0.0/24")],
        Interconnects =
        [
            new Interconnect
            {
                Id = "ix-wireline-a", Partner = "Wireline A", Kind = InterconnectKind.IpPeering, LinkId = "l-ix-a",
                PeerNetworks = [IPNetwork.Parse("203.0.113.0/24")], PeerAsn = 206101,
                PartnerPrefixes = [IPNetwork.Parse("203.0.113.0/24")], Country = "DE",
            },
            new Interconnect
            {
                Id = "ix-transit-b", Partner = "Transit B", Kind = InterconnectKind.IpTransit, LinkId = "l-ix-b",
                PeerNetworks = [IPNetwork.Parse("198.51.100.0/24")], PeerAsn = 206102, Country = "DE",
            },
            new Interconnect
            {
                Id = "ix-transit-c", Partner = "Transit C", Kind = InterconnectKind.IpTransit, LinkId = "l-ix-c",
                PeerNetworks = [IPNetwork.Parse("192.0.2.0/24")], PeerAsn = 206103, Country = "NL",
            },
            new Interconnect
            {
                Id = "ss7-roam-x", Partner = "Roaming X", Kind = InterconnectKind.Ss7, LinkId = "l-ss7-x",
                PartnerImsiPrefixes = ["20801"], PartnerGlobalTitlePrefixes = ["336"], Country = "FR",
            },
            new Interconnect
            {
                Id = "ss7-hub-y", Partner = "Signalling hub Y", Kind = InterconnectKind.Ss7, LinkId = "l-ss7-y",
                PartnerImsiPrefixes = ["21401", "23415"], PartnerGlobalTitlePrefixes = ["346", "447"], Country = "ES",
            },
        ],
        Links =
        [
            new TopologyLink("l-core", "core1", "core2", 100_000),
            new TopologyLink("l-pe1", "core1", "pe1", 100_000),
            new TopologyLink("l-pe2", "core2", "pe2", 100_000),
            new TopologyLink("l-ix-a", "pe1", "partner-a", 10_000),
            new TopologyLink("l-ix-b", "pe1", "internet", 40_000),
            new TopologyLink("l-ix-c", "pe2", "internet", 40_000),
            new TopologyLink("l-a-upstream", "partner-a", "internet", 100_000),
            new TopologyLink("l-stp", "core1", "stp1", 1_000),
            new TopologyLink("l-ss7-x", "stp1", "sig-x", 100),
            new TopologyLink("l-ss7-y", "stp1", "hub-y", 100),
            new TopologyLink("l-hub-x", "hub-y", "sig-x", 100),
        ],
        Demands =
        [
            new TrafficDemand("core1", "internet", 18_000),
            new TrafficDemand("core2", "internet", 14_000),
            new TrafficDemand("core1", "partner-a", 4_000),
            new TrafficDemand("stp1", "sig-x", 20),
            new TrafficDemand("stp1", "hub-y", 30),
        ],
    };
}
