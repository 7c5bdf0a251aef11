namespace Quanet.Defence.Telemetry;

/// <summary>Thrown inside the parsers to reject one line with a short reason; never escapes <see cref="TelemetryParser"/>.</summary>
internal sealed class LineRejectedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
