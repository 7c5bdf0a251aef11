using System.Globalization;
using System.Text.Json;

namespace Quanet.Defence.Telemetry;

/// <summary>Writes events in the line formats <see cref="TelemetryParser"/> reads (flows as CSV, the rest as JSON lines, IDS alerts as eve.json).</summary>
public static class TelemetryFormatter
{
    /// <summary>The CSV header of flow files.</summary>
    public const string FlowHeader = "ts,src,dst,sport,dport,proto,bytes,packets";

    /// <summary>One line for <paramref name="ev"/>.</summary>
    public static string Format(SecurityEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var ts = ev.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return ev switch
        {
            FlowEvent f => string.Create(CultureInfo.InvariantCulture, $"{ts},{f.Source},{f.Destination},{f.SourcePort},{f.DestinationPort},{f.Protocol},{f.Bytes},{f.Packets}"),
            CommandEvent c => JsonSerializer.Serialize(new Dictionary<string, object> { ["ts"] = ts, ["device"] = c.Device, ["user"] = c.User, ["src"] = c.Source.ToString(), ["cmd"] = c.Command }),
            BgpUpdateEvent b => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["ts"] = ts,
                ["peer_asn"] = b.PeerAsn,
                ["type"] = b.Withdrawal ? "withdrawal" : "announcement",
                ["prefix"] = b.Prefix.ToString(),
                ["path"] = b.AsPath,
            }),
            SignallingEvent s => JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["ts"] = ts,
                ["interconnect"] = s.Interconnect,
                ["protocol"] = s.Protocol,
                ["operation"] = s.Operation,
                ["calling"] = s.CallingAddress,
                ["called"] = s.CalledAddress,
                ["imsi"] = s.Imsi,
                ["country"] = s.Country,
            }),
            IdsAlertEvent a => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["timestamp"] = ev.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture).Remove(29, 1),
                ["event_type"] = "alert",
                ["src_ip"] = a.Source.ToString(),
                ["dest_ip"] = a.Destination.ToString(),
                ["dest_port"] = a.DestinationPort,
                ["proto"] = "TCP",
                ["alert"] = new Dictionary<string, object> { ["signature_id"] = a.SignatureId, ["signature"] = a.Signature, ["severity"] = a.Severity, ["category"] = a.Category },
            }),
            _ => throw new ArgumentException($"unknown event type {ev.GetType().Name}", nameof(ev)),
        };
    }
}
