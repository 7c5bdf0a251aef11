namespace Quanet.Defence.Rules;

/// <summary>The detector kinds a rule can configure.</summary>
public static class RuleKinds
{
    /// <summary>GSMA FS.11 category 1: operations never valid across an interconnect. Parameters: <c>operations</c>.</summary>
    public const string SignallingCategory1 = "signalling-category1";

    /// <summary>GSMA FS.11 category 2: operations valid only for the partner's own subscribers. Parameters: <c>operations</c>.</summary>
    public const string SignallingCategory2 = "signalling-category2";

    /// <summary>GSMA FS.11 category 3: location plausibility. Parameters: <c>operations</c>, <c>max_speed_kmh</c>, <c>countries</c> ({ISO: [lat, lon]}).</summary>
    public const string SignallingCategory3 = "signalling-category3";

    /// <summary>BGP origin hijack of our space or a partner announcing outside its prefixes.</summary>
    public const string BgpOrigin = "bgp-origin";

    /// <summary>BGP more-specific of our prefix beyond its maximum length.</summary>
    public const string BgpMoreSpecific = "bgp-more-specific";

    /// <summary>BGP AS-path anomalies: first hop not the peer, loops, private or reserved ASNs, our own ASN (leak).</summary>
    public const string BgpPath = "bgp-path";

    /// <summary>Discovery or configuration commands from an interconnect-sourced session. Parameters: <c>patterns</c> (regexes).</summary>
    public const string CommandFromInterconnect = "command-from-interconnect";

    /// <summary>Scanning in flows. Parameters: <c>window_seconds</c>, <c>distinct_targets</c>.</summary>
    public const string FlowScan = "flow-scan";

    /// <summary>Lateral movement: interconnect-sourced flows to management ports of infrastructure. Parameters: <c>ports</c>, <c>distinct_hosts</c>, <c>window_seconds</c>.</summary>
    public const string FlowLateral = "flow-lateral";

    /// <summary>Suricata alerts. Parameters: <c>max_severity</c> (1 is the most severe).</summary>
    public const string IdsAlert = "ids-alert";

    /// <summary>Per-interconnect anomaly score on event rates. Parameters: <c>window_seconds</c>, <c>z_threshold</c>, <c>warmup_windows</c>.</summary>
    public const string InterconnectAnomaly = "interconnect-anomaly";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SignallingCategory1, SignallingCategory2, SignallingCategory3, BgpOrigin, BgpMoreSpecific, BgpPath,
        CommandFromInterconnect, FlowScan, FlowLateral, IdsAlert, InterconnectAnomaly,
    ];
}
