namespace Quanet.Defence.Model;

/// <summary>What an interconnect to a partner network carries.</summary>
public enum InterconnectKind
{
    /// <summary>IP peering (BGP session, settlement-free or paid).</summary>
    IpPeering,

    /// <summary>IP transit (BGP session to an upstream).</summary>
    IpTransit,

    /// <summary>SS7 / MAP signalling (SCCP global titles).</summary>
    Ss7,

    /// <summary>Diameter signalling (S6a, roaming).</summary>
    Diameter,

    /// <summary>GTP roaming (GRX/IPX user and control plane).</summary>
    Gtp,
}
