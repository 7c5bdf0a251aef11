using System.Net;

namespace Quanet.Defence.Telemetry;

/// <summary>A command run on a network device, from AAA command accounting.</summary>
public sealed record CommandEvent(DateTimeOffset Timestamp, string Device, string User, IPAddress Source, string Command) : SecurityEvent(Timestamp)
{
    /// <inheritdoc />
    public override TelemetryKind Kind => TelemetryKind.Aaa;

    /// <inheritdoc />
    public override string Describe() => $"{User}@{Source} ran '{Command}' on {Device}";
}
