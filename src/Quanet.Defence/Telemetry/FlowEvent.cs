using System.Net;

namespace Quanet.Defence.Telemetry;

/// <summary>A flow record.</summary>
public sealed record FlowEvent(DateTimeOffset Timestamp, IPAddress Source, IPAddress Destination, int SourcePort, int DestinationPort, string Protocol, long Bytes, long Packets) : SecurityEvent(Timestamp)
{
    /// <inheritdoc />
    public override TelemetryKind Kind => TelemetryKind.Flow;

    /// <inheritdoc />
    public override string Describe() => $"flow {Protocol} {Source}:{SourcePort} -> {Destination}:{DestinationPort} ({Bytes} B)";
}
