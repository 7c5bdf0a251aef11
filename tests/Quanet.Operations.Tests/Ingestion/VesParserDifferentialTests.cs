using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

/// <summary>
/// The streaming parser against the previous DOM parser (<see cref="DomVesParser"/>) on thousands of
/// single-fault mutations of valid events of every domain: same events out, or the same error message.
/// </summary>
public sealed class VesParserDifferentialTests
{
    private static readonly JsonNode?[] Replacements =
    [
        7, 1.5, -3, "", "bogus", null, new JsonObject(), new JsonArray(), true, "NORMAL", "CLEAR", "CONT", "fault",
        "measurement", "thresholdCrossingAlert", "notification", "heartbeat", "4.0", "2.0", "7.1", "A+B/csr", "0.5",
        1e20, 1700000000000000.5,
    ];

    [Fact]
    public void Streaming_parser_agrees_with_the_dom_parser_on_mutated_events()
    {
        var rng = new Random(20261126);
        var seeds = SeedEvents();
        int rejected = 0, accepted = 0;
        for (var round = 0; round < 4000; round++)
        {
            var seed = seeds[rng.Next(seeds.Count)];
            var mutated = JsonNode.Parse(seed)!.AsObject();
            Mutate(mutated, rng);
            var good = JsonNode.Parse(seeds[rng.Next(seeds.Count)])!;
            var body = (round % 3) switch
            {
                0 => new JsonObject { ["eventList"] = new JsonArray(good, mutated) }.ToJsonString(),
                1 => new JsonObject { ["event"] = mutated }.ToJsonString(),
                _ => mutated.ToJsonString(),
            };

            var expected = Outcome(DomVesParser.ParseBody, body);
            Assert.True(expected == Outcome(VesParser.ParseBody, body), body);
            _ = expected.StartsWith("error: ", StringComparison.Ordinal) ? rejected++ : accepted++;
        }

        // both outcomes are well represented, so the agreement covers error paths and values alike
        Assert.InRange(rejected, 1000, 3500);
        Assert.InRange(accepted, 500, 3000);
    }

    [Theory]
    [InlineData("{\"eventList\":[{\"commonEventHeader\":1}, {]}", "$: invalid JSON at line 1, byte 41")]
    [InlineData("", "$: invalid JSON at line 1, byte 1")]
    public void Reports_broken_json_even_after_an_invalid_event(string body, string expected)
    {
        var ex = Assert.Throws<VesValidationException>(() => VesParser.ParseBody(Encoding.UTF8.GetBytes(body)));
        var dom = Assert.Throws<VesValidationException>(() => DomVesParser.ParseBody(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(expected, ex.Message);
        Assert.Equal(dom.Message, ex.Message);
    }

    [Fact]
    public void Rejects_content_after_the_body_which_the_dom_parser_ignored()
    {
        var body = TestEvents.ValidFault + " {\"event\":{}}";

        var ex = Assert.Throws<VesValidationException>(() => VesParser.ParseBody(Encoding.UTF8.GetBytes(body)));

        Assert.Single(DomVesParser.ParseBody(Encoding.UTF8.GetBytes(body)));
        Assert.StartsWith("$: invalid JSON at line 5, byte ", ex.Message, StringComparison.Ordinal);
    }

    private delegate List<VesEvent> Parser(ReadOnlySpan<byte> body);

    private static string Outcome(Parser parse, string body)
    {
        try
        {
            var events = parse(Encoding.UTF8.GetBytes(body));
            var text = new StringBuilder();
            foreach (var e in events)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{e.Domain}|{e.EventId}|{e.EventName}|{e.SourceName}|{e.ReportingEntityName}|{e.Priority}|{e.Sequence}|{e.StartEpochMicrosec}|{e.LastEpochMicrosec}|")
                    .Append(CultureInfo.InvariantCulture,
                    $"{e.Version}|{e.VesEventListenerVersion}|{e.AlarmCondition}|{e.Severity}|{e.SpecificProblem}|{e.AlarmInterface}|{e.VfStatus}|{e.AlertAction}|")
                    .Append(CultureInfo.InvariantCulture, $"{e.ChangeType}|{e.ChangeIdentifier}|{e.MeasurementInterval:R}|");
                foreach (var m in e.Measurements)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{m.Group}/{m.Name}={m.Value:R};");
                }

                text.Append('\n');
            }

            return text.ToString();
        }
        catch (VesValidationException ex)
        {
            return "error: " + ex.Message;
        }
    }

    /// <summary>Applies one change at a random place of the event: remove a member or element, or replace a value.</summary>
    private static void Mutate(JsonObject root, Random rng)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, places);
        var (parent, name, index) = places[rng.Next(places.Count)];
        var remove = rng.Next(4) == 0;
        var replacement = Replacements[rng.Next(Replacements.Length)]?.DeepClone();
        if (parent is JsonObject obj)
        {
            if (remove)
            {
                obj.Remove(name!);
            }
            else
            {
                obj[name!] = replacement;
            }
        }
        else
        {
            var array = (JsonArray)parent;
            if (remove)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = replacement;
            }
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> places)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                places.Add((obj, name, -1));
                if (child is not null)
                {
                    Collect(child, places);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                places.Add((array, null, i));
                if (array[i] is { } child)
                {
                    Collect(child, places);
                }
            }
        }
    }

    private static List<string> SeedEvents()
    {
        static string Event(VesEvent e) => JsonNode.Parse(VesEventWriter.ToJson(e))!["event"]!.ToJsonString();
        var header = TestEvents.Fault("S1/ru1", "RU_FAULT", VesSeverity.Major, 1_700_000_000_000_000, "port1");
        return
        [
            Event(header),
            Event(TestEvents.Fault("S2/du", "DU_DOWN", VesSeverity.Normal, 1_700_000_000_000_001)),
            Event(new VesEvent
            {
                Domain = "measurement", EventId = "m1", EventName = "Measurement_cells", SourceName = "S1/du", ReportingEntityName = "S1/du",
                Priority = "Normal", Version = "4.1", VesEventListenerVersion = "7.2.1", MeasurementInterval = 900,
                StartEpochMicrosec = 5, LastEpochMicrosec = 6,
                Measurements = [new("S1/ru1", "prb", 0.5), new("S1/ru1", "rrc_sr", 0.99), new("S1/ru2", "prb", 0.25)],
            }),
            Event(new VesEvent
            {
                Domain = "thresholdCrossingAlert", EventId = "t1", EventName = "TCA_prb", SourceName = "S1/ru1", ReportingEntityName = "S1/du",
                Priority = "Normal", Version = "4.1", VesEventListenerVersion = "7.2.1", StartEpochMicrosec = 5, LastEpochMicrosec = 5,
                AlarmCondition = "TCA:prb_utilisation", Severity = VesSeverity.Major, AlertAction = "SET", SpecificProblem = "PRB high",
                AlarmInterface = "cell7", Measurements = [new("prb_utilisation", "observed", 0.97), new("prb_utilisation", "limit", 0.9)],
            }),
            Event(new VesEvent
            {
                Domain = "notification", EventId = "n1", EventName = "Notification_config", SourceName = "S1/du", ReportingEntityName = "oss",
                Priority = "Low", Version = "4.0.1", VesEventListenerVersion = "7.1", StartEpochMicrosec = 5, LastEpochMicrosec = 5,
                ChangeType = "configurationChange", ChangeIdentifier = "cr-17",
            }),
            Event(new VesEvent
            {
                Domain = "heartbeat", EventId = "h1", EventName = "Heartbeat_du", SourceName = "S1/du", ReportingEntityName = "S1/du",
                Priority = "Normal", Version = "4.1", VesEventListenerVersion = "7.2", StartEpochMicrosec = 5, LastEpochMicrosec = 5,
            }),
            // two counters, members out of the writer's order, an unknown member and an escaped string
            """
            {"thresholdCrossingAlertFields":{"thresholdCrossingFieldsVersion":"4.0","eventSeverity":"CRITICAL","alertAction":"CONT",
            "additionalParameters":[{"hashMap":{"observed":"12.5","limit":10},"thresholdCrossed":"rsrp","criticality":"CRIT"},
            {"criticality":"MIN","thresholdCrossed":"sinr","hashMap":{"observed":"x"}}],"alertDescription":"RSRP low",
            "alertType":"INTERFACE-ANOMALY","collectionTimestamp":"Thu, 26 Nov 2026 06:00:00 GMT","eventStartTimestamp":"Thu, 26 Nov 2026 05:59:00 GMT"},
            "vendorExtension":{"a":[1,{"b":2}]},
            "commonEventHeader":{"vesEventListenerVersion":"7.2.1","version":"4.1","startEpochMicrosec":7,"lastEpochMicrosec":8,
            "sourceName":"S\u0033/ru2","sequence":4,"reportingEntityName":"ems","priority":"High","eventName":"TCA_rsrp","eventId":"t2","domain":"thresholdCrossingAlert"}}
            """,
        ];
    }
}
