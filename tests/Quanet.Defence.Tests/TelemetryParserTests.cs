using System.Text;
using CsCheck;
using Quanet.Defence.Telemetry;

namespace Quanet.Defence.Tests;

public sealed class TelemetryParserTests
{
    private const string GoodCommand = "{\"ts\":\"2026-01-01T10:00:00Z\",\"device\":\"pe1\",\"user\":\"bob\",\"src\":\"203.0.113.9\",\"cmd\":\"show version\"}";

    [Fact]
    public void Reads_every_telemetry_kind()
    {
        var parser = new TelemetryParser();

        var cmd = Assert.IsType<CommandEvent>(parser.Parse(TelemetryKind.Aaa, GoodCommand));
        var kv = Assert.IsType<CommandEvent>(parser.Parse(TelemetryKind.Aaa, "2026-01-01T10:00:00Z pe2 user=eve src=203.0.113.9 cmd=\"show ip bgp summary\""));
        var flow = Assert.IsType<FlowEvent>(parser.Parse(TelemetryKind.Flow, "2026-01-01T10:00:00Z,198.51.100.7,198.18.0.1,40000,22,TCP,400,5"));
        var bgp = Assert.IsType<BgpUpdateEvent>(parser.Parse(TelemetryKind.Bgp, "{\"ts\":\"2026-01-01T10:00:00Z\",\"peer_asn\":206103,\"type\":\"announcement\",\"prefix\":\"198.18.5.0/25\",\"path\":[206103,206666]}"));
        var sig = Assert.IsType<SignallingEvent>(parser.Parse(TelemetryKind.Signalling, "{\"ts\":\"2026-01-01T10:00:00Z\",\"interconnect\":\"ss7-hub-y\",\"protocol\":\"MAP\",\"operation\":\"anyTimeInterrogation\",\"calling\":\"346000\",\"called\":\"4915\",\"imsi\":\"262990000000001\"}"));
        var eve = Assert.IsType<IdsAlertEvent>(parser.Parse(TelemetryKind.Suricata, "{\"timestamp\":\"2026-01-01T10:00:00.123456+0000\",\"event_type\":\"alert\",\"src_ip\":\"198.51.100.7\",\"dest_ip\":\"198.18.0.1\",\"dest_port\":22,\"proto\":\"TCP\",\"alert\":{\"signature_id\":2001219,\"signature\":\"ET SCAN Potential SSH Scan\",\"severity\":2,\"category\":\"Attempted Information Leak\"}}"));

        Assert.Equal("show version", cmd.Command);
        Assert.Equal("eve", kv.User);
        Assert.Equal(22, flow.DestinationPort);
        Assert.Equal(206666, bgp.Origin);
        Assert.Equal("262990000000001", sig.Imsi);
        Assert.Equal(2, eve.Severity);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4560), eve.Timestamp);
        Assert.Equal(6, parser.Accepted);
    }

    [Theory]
    [InlineData(TelemetryKind.Aaa, "{\"ts\":\"2026-01-01T10:00:00Z\",\"device\":\"pe1\",\"user\":\"x\\u001b[2J\",\"src\":\"198.18.1.5\",\"cmd\":\"show\"}", "control character in field 'user'")]
    [InlineData(TelemetryKind.Aaa, "{\"ts\":\"2026-01-01T10:00:00Z\",\"device\":\"pe1\",\"user\":\"bob\",\"src\":\"${jndi:ldap://x}\",\"cmd\":\"show\"}", "field 'src' is not an IP address")]
    [InlineData(TelemetryKind.Bgp, "{\"ts\":\"2026-01-01T10:00:00Z\",\"peer_asn\":\"'; DROP TABLE alarms;--\",\"type\":\"announcement\",\"prefix\":\"10.0.0.0/8\",\"path\":[1]}", "field 'peer_asn' is not an integer")]
    [InlineData(TelemetryKind.Bgp, "{\"ts\":\"yesterday\",\"peer_asn\":1,\"type\":\"withdrawal\",\"prefix\":\"10.0.0.0/8\"}", "bad timestamp")]
    [InlineData(TelemetryKind.Flow, "2026-01-01T10:00:00Z,1.2.3.4,5.6.7.8,1,70000,TCP,1,1", "field 'dport' is not a port")]
    [InlineData(TelemetryKind.Flow, "a,b", "expected 8 CSV fields: ts,src,dst,sport,dport,proto,bytes,packets")]
    [InlineData(TelemetryKind.Signalling, "{\"ts\":\"2026-01-01T10:00:00Z\"", "invalid JSON")]
    [InlineData(TelemetryKind.Signalling, "{\"a\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}", "invalid JSON")]
    [InlineData(TelemetryKind.Suricata, "[1,2,3]", "expected a JSON object")]
    [InlineData(TelemetryKind.Aaa, "2026-01-01T10:00 pe1 user=bob src=203.0.113.9 cmd=\"", "field 'cmd' has no closing quote")] // found by bench/fuzz telemetry: threw ArgumentOutOfRangeException
    public void Rejects_hostile_lines_with_a_counted_reason(TelemetryKind kind, string line, string reason)
    {
        var parser = new TelemetryParser();

        Assert.Null(parser.Parse(kind, line));
        Assert.Equal(1, parser.Rejections[reason]);
    }

    [Fact]
    public void Rejects_invalid_utf8_and_over_long_lines()
    {
        var parser = new TelemetryParser();

        Assert.Null(parser.Parse(TelemetryKind.Aaa, [0x7B, 0xC3, 0x28, 0x7D]));
        Assert.Null(parser.Parse(TelemetryKind.Aaa, Encoding.UTF8.GetBytes(new string('A', 20_000))));
        Assert.Null(parser.Parse(TelemetryKind.Aaa, GoodCommand.Replace("bob", new string('b', 3_000), StringComparison.Ordinal)));

        Assert.Equal(1, parser.Rejections["invalid UTF-8"]);
        Assert.Equal(1, parser.Rejections["line too long"]);
        Assert.Equal(1, parser.Rejections["field 'user' too long"]);
    }

    [Fact]
    public void Hostile_lines_never_crash_the_reader_nor_cost_the_good_lines_around_them()
    {
        // any mix of good lines and arbitrary bytes (no newlines inside): every good line is read, every other line is counted
        var hostile = Gen.Byte.Where(b => b != (byte)'\n').Array[0, 300];
        var lines = Gen.Frequency((3, Gen.Const((byte[]?)null)), (2, hostile.Select(b => (byte[]?)b))).Array[1, 40];
        lines.Sample(mix =>
        {
            var parser = new TelemetryParser(new TelemetryLimits { MaxLineBytes = 200 });
            var stream = new MemoryStream();
            var good = 0;
            foreach (var line in mix)
            {
                var bytes = line ?? Encoding.UTF8.GetBytes(GoodCommand);
                good += line is null ? 1 : 0;
                stream.Write(bytes);
                stream.WriteByte((byte)'\n');
            }

            stream.Position = 0;
            var read = parser.ReadAll(TelemetryKind.Aaa, stream).Count();

            Assert.True(read >= good, $"{read} events for {good} good lines");
            Assert.Equal(mix.Length, parser.Accepted + parser.Ignored + parser.Rejections.Total);
        });
    }
}
