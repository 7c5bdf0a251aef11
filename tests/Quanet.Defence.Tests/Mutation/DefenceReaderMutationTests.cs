using System.Text;
using CsCheck;
using Quanet.Defence.Model;
using Quanet.Defence.Rules;
using Quanet.Defence.Simulation;
using Quanet.Defence.Telemetry;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Defence.Tests.Mutation;

/// <summary>
/// Hostile mutants of valid inputs through the defence readers (rule files, the defence inventory, telemetry of
/// every kind): each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// Telemetry never refuses a file: it counts a hostile line as rejected and reads on, so it must not throw at all.
/// </summary>
public sealed class DefenceReaderMutationTests : IDisposable
{
    private const int Iterations = 200;

    // block style with an anchor and an alias, as people write rule files by hand
    private const string RulesYaml = """
        rules:
          - id: SCAN-FAST
            kind: flow-scan
            severity: critical
            confidence: 0.8
            explanation: fast scan
            params: &scan
              window_seconds: 10
              distinct_targets: 5
          - id: CMD
            kind: command-from-interconnect
            explanation: "management command from an interconnect"
            enabled: false
            params:
              patterns: ["^show run", "copy .* tftp"]
          - id: SCAN-SLOW
            kind: flow-scan
            explanation: the same scan, lower severity
            severity: low
            params: *scan
        """;

    // one valid line of each kind, as TelemetryParserTests reads them
    private static readonly Dictionary<TelemetryKind, string[]> Samples = new()
    {
        [TelemetryKind.Aaa] =
        [
            "{\"ts\":\"2026-01-01T10:00:00Z\",\"device\":\"pe1\",\"user\":\"bob\",\"src\":\"203.0.113.9\",\"cmd\":\"show version\"}",
            "2026-01-01T10:00:00Z pe2 user=eve src=203.0.113.9 cmd=\"show ip bgp summary\"",
        ],
        [TelemetryKind.Flow] = [TelemetryFormatter.FlowHeader, "2026-01-01T10:00:00Z,198.51.100.7,198.18.0.1,40000,22,TCP,400,5"],
        [TelemetryKind.Bgp] = ["{\"ts\":\"2026-01-01T10:00:00Z\",\"peer_asn\":206103,\"type\":\"announcement\",\"prefix\":\"198.18.5.0/25\",\"path\":[206103,206666]}"],
        [TelemetryKind.Signalling] = ["{\"ts\":\"2026-01-01T10:00:00Z\",\"interconnect\":\"ss7-hub-y\",\"protocol\":\"MAP\",\"operation\":\"anyTimeInterrogation\",\"calling\":\"346000\",\"called\":\"4915\",\"imsi\":\"262990000000001\"}"],
        [TelemetryKind.Suricata] = ["{\"timestamp\":\"2026-01-01T10:00:00.123456+0000\",\"event_type\":\"alert\",\"src_ip\":\"198.51.100.7\",\"dest_ip\":\"198.18.0.1\",\"dest_port\":22,\"proto\":\"TCP\",\"alert\":{\"signature_id\":2001219,\"signature\":\"ET SCAN Potential SSH Scan\",\"severity\":2,\"category\":\"Attempted Information Leak\"}}"],
    };

    private readonly MutantFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Yaml_rule_loader_survives_mutants() =>
        Run(b => RuleSetLoader.Load(_files.Write(b, "rules.yaml")), RulesYaml, DefaultRules());

    [Fact]
    public void Json_rule_parser_survives_mutants() =>
        Run(b => RuleSetLoader.Parse(HostileInput.Text(b), "rules.json"), DefaultRules());

    [Fact]
    public void Defence_inventory_reader_survives_mutants() =>
        Run(b => DefenceInventoryJson.Parse(HostileInput.Text(b), "inventory.json"), DefenceInventoryJson.Format(DefenceScenario.Inventory()));

    [Theory]
    [InlineData(TelemetryKind.Aaa)]
    [InlineData(TelemetryKind.Flow)]
    [InlineData(TelemetryKind.Bgp)]
    [InlineData(TelemetryKind.Signalling)]
    [InlineData(TelemetryKind.Suricata)]
    public void Telemetry_parser_survives_mutants_without_throwing(TelemetryKind kind)
    {
        // the samples as the parser reads them and as TelemetryFormatter writes them back
        var parser = new TelemetryParser();
        var lines = Samples[kind].Concat(Samples[kind].Select(l => parser.Parse(kind, l)).OfType<SecurityEvent>().Select(TelemetryFormatter.Format));
        var seed = string.Join('\n', lines) + "\n";
        Assert.Equal(0, parser.Rejections.Total);

        InputMutations.Of(seed).Sample(
            input => HostileInput.Check(input, b =>
            {
                var reader = new TelemetryParser();
                var read = reader.ReadAll(kind, new MemoryStream(b)).Count();
                Assert.True(read <= reader.Accepted, $"{read} events read, {reader.Accepted} accepted");
            }),
            iter: Iterations,
            threads: 1);
    }

    private static string DefaultRules()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream("Quanet.Defence.default-rules.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Run(Action<byte[]> parse, params string[] seeds) =>
        InputMutations.Of(seeds).Sample(input => HostileInput.Check(input, parse), iter: Iterations, threads: 1);
}
