using Quanet.Defence.Model;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;

namespace Quanet.Fuzz;

internal static partial class FuzzCatalog
{
    private static IEnumerable<FuzzTarget> Defence()
    {
        yield return new("rules-yaml", "detection rules YAML, as ops defend --rules reads them (RuleSetLoader.Load)",
            b => RuleSetLoader.Load(ScratchFile.Write(b, "rules.yaml")),
            [], ".yaml", () => ["rules:\n  - &r\n    id: a\n    kind: bgp_hijack\n    explanation: x\n    severity: high\n    confidence: 0.9\n  - *r\n"]);
        yield return new("rules-json", "detection rules JSON (RuleSetLoader.Parse)", b => RuleSetLoader.Parse(Text(b), "in.json"),
            ["src/Quanet.Defence/default-rules.json"], ".json", () => []);
        yield return new("defence-inventory", "defence inventory JSON (DefenceInventoryJson)", b => DefenceInventoryJson.Parse(Text(b), "in.json"),
            [], ".json", () => [DefenceInventoryJson.Format(DefenceScenario.Inventory())]);
        yield return new("telemetry", "security telemetry lines; the first byte picks the kind: a AAA, b flow, c BGP, d signalling, e eve (TelemetryParser)", ReadTelemetry,
            [], ".log", () => [
                "a" + Lines("{\"ts\":\"2026-01-01T10:00:00Z\",\"device\":\"pe1\",\"user\":\"bob\",\"src\":\"203.0.113.9\",\"cmd\":\"show version\"}",
                    "2026-01-01T10:00:00Z pe1 user=bob src=203.0.113.9 cmd=\"show run\""),
                "c" + Lines("{\"ts\":\"2026-01-01T10:00:00Z\",\"peer_asn\":206103,\"type\":\"announcement\",\"prefix\":\"198.18.5.0/25\",\"path\":[206103,206666]}"),
                "b" + Lines("ts,src,dst,sport,dport,proto,bytes,packets", "2026-01-01T10:00:00Z,198.51.100.7,198.18.0.1,40000,22,TCP,1200,10"),
                "d" + Lines("{\"ts\":\"2026-01-01T10:00:00Z\",\"interconnect\":\"ss7-hub-y\",\"protocol\":\"MAP\",\"operation\":\"anyTimeInterrogation\",\"calling\":\"346000\",\"called\":\"4915\",\"imsi\":\"262990000000001\"}"),
                "e" + Lines("{\"timestamp\":\"2026-01-01T10:00:00.123456+0000\",\"event_type\":\"alert\",\"src_ip\":\"198.51.100.7\",\"dest_ip\":\"198.18.0.1\",\"dest_port\":22,\"proto\":\"TCP\",\"alert\":{\"signature_id\":2001219,\"signature\":\"ET SCAN\",\"severity\":2,\"category\":\"x\"}}"),
            ]);
    }

    private static void ReadTelemetry(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var kinds = Enum.GetValues<TelemetryKind>();
        var kind = kinds[(((input[0] - 'a') % kinds.Length) + kinds.Length) % kinds.Length];
        var parser = new TelemetryParser();
        var rest = input.AsSpan(1);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            parser.Parse(kind, line);
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
    }
}
