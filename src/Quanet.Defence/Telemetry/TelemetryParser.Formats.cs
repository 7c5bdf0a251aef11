using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Quanet.Defence.Telemetry;

public sealed partial class TelemetryParser
{
    private SecurityEvent? ParseJson(TelemetryKind kind, ReadOnlySpan<byte> line)
    {
        using var doc = JsonDocument.Parse(line.ToArray(), _jsonOptions);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new LineRejectedException("record is not a JSON object");
        }

        var f = new FieldReader(doc.RootElement, _limits);
        return kind switch
        {
            TelemetryKind.Aaa => new CommandEvent(f.Timestamp("ts"), f.Text("device"), f.Text("user"), f.Address("src"), f.Text("cmd")),
            TelemetryKind.Flow => new FlowEvent(
                f.Timestamp("ts"), f.Address("src"), f.Address("dst"),
                (int)f.Integer("sport", 0, 65535), (int)f.Integer("dport", 0, 65535),
                f.Text("proto"), f.Integer("bytes", 0, long.MaxValue), f.Integer("packets", 0, long.MaxValue)),
            TelemetryKind.Bgp => ParseBgp(f),
            TelemetryKind.Signalling => new SignallingEvent(
                f.Timestamp("ts"), f.Text("interconnect"), f.Text("protocol"), f.Text("operation"),
                f.Text("calling"), f.Text("called"), f.TextOrNull("imsi"), f.TextOrNull("country")),
            TelemetryKind.Suricata => ParseEve(f),
            _ => throw new LineRejectedException("unknown telemetry kind"),
        };
    }

    private static BgpUpdateEvent ParseBgp(FieldReader f)
    {
        var type = f.Text("type");
        var withdrawal = type switch
        {
            "announcement" or "announce" => false,
            "withdrawal" or "withdraw" => true,
            _ => throw new LineRejectedException("field 'type' must be announcement or withdrawal"),
        };
        var prefixText = f.Text("prefix");
        if (!IPNetwork.TryParse(prefixText, out var prefix))
        {
            throw new LineRejectedException("field 'prefix' is not a prefix");
        }

        var path = new List<long>();
        if (!withdrawal)
        {
            var array = f.Array("path");
            if (array.GetArrayLength() > 64)
            {
                throw new LineRejectedException("field 'path' too long");
            }

            foreach (var hop in array.EnumerateArray())
            {
                if (hop.ValueKind != JsonValueKind.Number || !hop.TryGetInt64(out var asn) || asn is < 0 or > uint.MaxValue)
                {
                    throw new LineRejectedException("field 'path' holds a bad AS number");
                }

                path.Add(asn);
            }
        }

        return new BgpUpdateEvent(f.Timestamp("ts"), f.Integer("peer_asn", 0, uint.MaxValue), prefix, path, withdrawal);
    }

    private static IdsAlertEvent? ParseEve(FieldReader f)
    {
        if (f.Text("event_type") != "alert")
        {
            return null; // flow, dns, stats... records are valid eve.json but not alerts
        }

        var alert = f.Object("alert");
        var port = f.Has("dest_port") ? f.Integer("dest_port", 0, 65535) : 0; // ICMP alerts carry no port
        return new IdsAlertEvent(
            f.Timestamp("timestamp"), f.Address("src_ip"), f.Address("dest_ip"), (int)port,
            alert.Integer("signature_id", 0, long.MaxValue), alert.Text("signature"),
            (int)alert.Integer("severity", 1, 4), alert.TextOrNull("category") ?? "");
    }

    private SecurityEvent? ParseText(TelemetryKind kind, string line) => kind switch
    {
        TelemetryKind.Flow => ParseFlowCsv(line),
        TelemetryKind.Aaa => ParseAaaText(line),
        _ => throw new LineRejectedException("expected a JSON object"),
    };

    private FlowEvent? ParseFlowCsv(string line)
    {
        var fields = line.Split(',');
        if (fields.Length != 8)
        {
            throw new LineRejectedException("expected 8 CSV fields: ts,src,dst,sport,dport,proto,bytes,packets");
        }

        if (fields[0] == "ts")
        {
            return null; // header
        }

        return new FlowEvent(
            FieldReader.ParseTimestamp(fields[0]),
            FieldReader.ParseAddress("src", fields[1]),
            FieldReader.ParseAddress("dst", fields[2]),
            Port("sport", fields[3]),
            Port("dport", fields[4]),
            FieldReader.CheckText("proto", fields[5], _limits),
            Count("bytes", fields[6]),
            Count("packets", fields[7]));
    }

    /// <summary>TACACS+-accounting style: <c>TS DEVICE user=U src=ADDR cmd="COMMAND"</c>.</summary>
    private CommandEvent ParseAaaText(string line)
    {
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        if (second < 0)
        {
            throw new LineRejectedException("expected 'TS DEVICE user=.. src=.. cmd=\"..\"'");
        }

        var ts = FieldReader.ParseTimestamp(line[..first]);
        var device = FieldReader.CheckText("device", line[(first + 1)..second], _limits);
        var rest = line[(second + 1)..];
        var cmdAt = rest.IndexOf("cmd=\"", StringComparison.Ordinal);
        if (cmdAt < 0 || !rest.EndsWith('"'))
        {
            throw new LineRejectedException("missing field 'cmd'");
        }

        // the closing quote must come after the opening one: a line ending in a bare cmd=" has only the one quote
        if (rest.Length < cmdAt + 6)
        {
            throw new LineRejectedException("field 'cmd' has no closing quote");
        }

        var command = FieldReader.CheckText("cmd", rest[(cmdAt + 5)..^1], _limits);
        string? user = null;
        string? src = null;
        foreach (var pair in rest[..cmdAt].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("user=", StringComparison.Ordinal))
            {
                user = FieldReader.CheckText("user", pair[5..], _limits);
            }
            else if (pair.StartsWith("src=", StringComparison.Ordinal))
            {
                src = pair[4..];
            }
        }

        return new CommandEvent(
            ts,
            device,
            user ?? throw new LineRejectedException("missing field 'user'"),
            FieldReader.ParseAddress("src", src ?? throw new LineRejectedException("missing field 'src'")),
            command);
    }

    private static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new LineRejectedException($"field '{name}' is not a port");

    private static long Count(string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new LineRejectedException($"field '{name}' is not a count");
}
