namespace Quanet.Defence.Telemetry;

/// <summary>The kinds of security telemetry the defence engine reads.</summary>
public enum TelemetryKind
{
    /// <summary>Router AAA / command accounting (TACACS+ style): who ran which command from where.</summary>
    Aaa,

    /// <summary>Flow records (NetFlow / IPFIX style).</summary>
    Flow,

    /// <summary>BGP updates received from peers.</summary>
    Bgp,

    /// <summary>Signalling message records (SS7/MAP, Diameter, GTP-C).</summary>
    Signalling,

    /// <summary>Suricata <c>eve.json</c> alerts.</summary>
    Suricata,
}
