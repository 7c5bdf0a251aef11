namespace Quanet.Defence.Telemetry;

/// <summary>A signalling message that arrived over an interconnect.</summary>
public sealed record SignallingEvent(
    DateTimeOffset Timestamp,
    string Interconnect,
    string Protocol,
    string Operation,
    string CallingAddress,
    string CalledAddress,
    string? Imsi,
    string? Country) : SecurityEvent(Timestamp)
{
    /// <inheritdoc />
    public override TelemetryKind Kind => TelemetryKind.Signalling;

    /// <inheritdoc />
    public override string Describe() => $"{Protocol} {Operation} from {CallingAddress} to {CalledAddress} via {Interconnect}"
        + (Imsi is null ? "" : $" IMSI {Imsi}")
        + (Country is null ? "" : $" in {Country}");
}
