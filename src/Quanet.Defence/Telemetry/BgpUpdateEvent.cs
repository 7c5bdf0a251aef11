using System.Net;

namespace Quanet.Defence.Telemetry;

/// <summary>A BGP update from a peer: an announcement with its AS path, or a withdrawal.</summary>
public sealed record BgpUpdateEvent(DateTimeOffset Timestamp, long PeerAsn, IPNetwork Prefix, IReadOnlyList<long> AsPath, bool Withdrawal) : SecurityEvent(Timestamp)
{
    /// <inheritdoc />
    public override TelemetryKind Kind => TelemetryKind.Bgp;

    /// <summary>The origin AS (last in the path), or null for a withdrawal or empty path.</summary>
    public long? Origin => AsPath.Count > 0 ? AsPath[^1] : null;

    /// <inheritdoc />
    public override string Describe() => Withdrawal
        ? $"AS{PeerAsn} withdrew {Prefix}"
        : $"AS{PeerAsn} announced {Prefix} path {string.Join(' ', AsPath)}";
}
