using System.Net;

namespace Quanet.Defence.Telemetry;

/// <summary>A Suricata alert from <c>eve.json</c>.</summary>
public sealed record IdsAlertEvent(DateTimeOffset Timestamp, IPAddress Source, IPAddress Destination, int DestinationPort, long SignatureId, string Signature, int Severity, string Category) : SecurityEvent(Timestamp)
{
    /// <inheritdoc />
    public override TelemetryKind Kind => TelemetryKind.Suricata;

    /// <inheritdoc />
    public override string Describe() => $"IDS alert {SignatureId} '{Signature}' (severity {Severity}) {Source} -> {Destination}:{DestinationPort}";
}
