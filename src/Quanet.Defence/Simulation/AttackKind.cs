namespace Quanet.Defence.Simulation;

/// <summary>The attacks the interconnect simulation injects.</summary>
public enum AttackKind
{
    /// <summary>Intrusion through a wireline partner: lateral movement to routers, discovery commands, scanning.</summary>
    DiscoveryIntrusion,

    /// <summary>SS7 location tracking: anyTimeInterrogation / provideSubscriberInfo for our subscribers.</summary>
    Ss7LocationTracking,

    /// <summary>BGP hijack: a more-specific of our prefix with a foreign origin.</summary>
    BgpHijack,

    /// <summary>Port scanning from behind a transit interconnect.</summary>
    Scanning,
}
