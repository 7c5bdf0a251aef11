using System.Text;
using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// Parses and validates VES Event Listener 7.x request bodies: <c>{"event":{...}}</c> or
/// <c>{"eventList":[...]}</c>. Validation follows CommonEventFormat 30.2.1 (ONAP): the required
/// header fields and their enums, and the required fields of the fault, measurement,
/// thresholdCrossingAlert and notification domains. A batch is accepted or rejected as a whole; the
/// error names the first invalid event (<c>eventList[i]</c>) and the field.
/// </summary>
/// <remarks>
/// One forward pass with <see cref="Utf8JsonReader"/> (no DOM): each event's members are captured in
/// any order and validated when the event object ends. Enumerated values are matched on their UTF-8
/// bytes and short repeated names (sources, conditions, counter names) come from a per-thread cache,
/// so a valid event allocates little beyond its <see cref="VesEvent"/>. A body that is not well-formed
/// JSON is reported as such even when an earlier event was already invalid.
/// </remarks>
public static partial class VesParser
{
    /// <summary>The deepest nesting of objects and arrays a body may have; CommonEventFormat events need 6.</summary>
    public const int MaxDepth = 32;

    /// <summary>The largest body <see cref="ParseBody(ReadOnlySpan{byte})"/> accepts, in bytes: Kestrel's default request limit, made explicit here for every caller.</summary>
    public const int MaxBodyBytes = 30_000_000;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    private static readonly string[] Domains =
    [
        "fault", "heartbeat", "measurement", "mobileFlow", "notification", "other", "perf3gpp", "pnfRegistration",
        "sipSignaling", "stateChange", "stndDefined", "syslog", "thresholdCrossingAlert", "voiceQuality",
    ];

    private static readonly string[] Priorities = ["High", "Medium", "Normal", "Low"];
    private static readonly string[] HeaderVersions = ["4.0", "4.0.1", "4.1"];
    private static readonly string[] ListenerVersions = ["7.0", "7.0.1", "7.1", "7.1.1", "7.2", "7.2.1"];
    private static readonly string[] VfStatuses = ["Active", "Idle", "Preparing to terminate", "Ready to terminate", "Requesting termination"];
    private static readonly string[] AlertActions = ["CLEAR", "CONT", "SET"];
    private static readonly string[] AlertTypes = ["CARD-ANOMALY", "ELEMENT-ANOMALY", "INTERFACE-ANOMALY", "SERVICE-ANOMALY"];
    private static readonly string[] Criticalities = ["CRIT", "MAJ", "MIN"];
    private static readonly string[] Severities = ["CRITICAL", "MAJOR", "MINOR", "WARNING", "NORMAL", "CLEAR", "CLEARED"];
    private static readonly string[] FieldsVersion4 = ["4.0"];
    private static readonly string[] FieldsVersion2 = ["2.0"];

    private static readonly byte[][] DomainsUtf8 = Utf8(Domains);
    private static readonly byte[][] PrioritiesUtf8 = Utf8(Priorities);
    private static readonly byte[][] HeaderVersionsUtf8 = Utf8(HeaderVersions);
    private static readonly byte[][] ListenerVersionsUtf8 = Utf8(ListenerVersions);
    private static readonly byte[][] VfStatusesUtf8 = Utf8(VfStatuses);
    private static readonly byte[][] AlertActionsUtf8 = Utf8(AlertActions);
    private static readonly byte[][] AlertTypesUtf8 = Utf8(AlertTypes);
    private static readonly byte[][] CriticalitiesUtf8 = Utf8(Criticalities);
    private static readonly byte[][] SeveritiesUtf8 = Utf8(Severities);
    private static readonly byte[][] FieldsVersion4Utf8 = Utf8(FieldsVersion4);
    private static readonly byte[][] FieldsVersion2Utf8 = Utf8(FieldsVersion2);

    /// <summary>
    /// Parses a request body holding one event (<c>{"event":...}</c>) or a batch (<c>{"eventList":[...]}</c>);
    /// a bare event object (with <c>commonEventHeader</c> at the top, as NDJSON files often hold) is accepted too.
    /// </summary>
    /// <exception cref="VesValidationException">The body or one of its events is invalid.</exception>
    public static List<VesEvent> ParseBody(ReadOnlySpan<byte> utf8Json) => ParseBody(utf8Json, null);

    /// <summary>
    /// <see cref="ParseBody(ReadOnlySpan{byte})"/>, also adding to <paramref name="spans"/> where each event's object
    /// lies in <paramref name="utf8Json"/> (in the order of the events), so that a caller can keep the sender's own
    /// bytes of an event instead of writing it again.
    /// </summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="spans">Receives one range per event; null for none. Left partly filled when the body is invalid.</param>
    /// <exception cref="VesValidationException">The body or one of its events is invalid.</exception>
    public static List<VesEvent> ParseBody(ReadOnlySpan<byte> utf8Json, List<Range>? spans)
    {
        if (utf8Json.Length > MaxBodyBytes)
        {
            throw new VesValidationException("$", $"the body is over the limit of {MaxBodyBytes} bytes");
        }

        try
        {
            return ReadBody(utf8Json, spans);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString on a string that is not valid UTF-8
            throw new VesValidationException("$", $"invalid JSON text ({ex.Message})");
        }
        catch (VesValidationException)
        {
            // a syntax error anywhere in the body wins over a validation error found before it
            CheckSyntax(utf8Json);
            throw;
        }
    }

    private static List<VesEvent> ReadBody(ReadOnlySpan<byte> utf8Json, List<Range>? spans)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new VesValidationException("$", "expected an object with 'event' or 'eventList'");
        }

        var bare = default(VesEventFields);
        List<VesEvent>? single = null, list = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventList"u8))
            {
                reader.Read();
                list = ReadEventList(ref reader, spans);
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                single = [ReadEvent(ref reader, new EventPath(-1))];
                spans?.Add(new Range(start, (int)reader.BytesConsumed));
            }
            else if (!ReadEventMember(ref reader, ref bare))
            {
                reader.Read();
                reader.Skip();
            }
        }

        // nothing but white space may follow the body (Read throws on trailing content)
        reader.Read();
        if (bare.Header != JsonTokenType.None)
        {
            var e = Validate(ref bare, new EventPath(-1));
            spans?.Add(Range.All);
            return [e];
        }

        return single ?? list ?? throw new VesValidationException("$", "expected 'event' or 'eventList'");
    }

    private static List<VesEvent> ReadEventList(ref Utf8JsonReader reader, List<Range>? spans)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new VesValidationException("eventList", "expected a non-empty array of events");
        }

        var events = new List<VesEvent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            events.Add(ReadEvent(ref reader, new EventPath(events.Count)));
            spans?.Add(new Range(start, (int)reader.BytesConsumed));
        }

        return events.Count > 0 ? events : throw new VesValidationException("eventList", "expected a non-empty array of events");
    }

    private static VesEvent ReadEvent(ref Utf8JsonReader reader, EventPath path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new VesValidationException(path.ToString(), "expected an object");
        }

        var fields = default(VesEventFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!ReadEventMember(ref reader, ref fields))
            {
                reader.Read();
                reader.Skip();
            }
        }

        return Validate(ref fields, path);
    }

    private static void CheckSyntax(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            while (reader.Read())
            {
                // the reader throws at the first syntax error
            }
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex);
        }
    }

    private static VesValidationException InvalidJson(JsonException ex) =>
        new("$", $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");

    private static byte[][] Utf8(string[] values)
    {
        var result = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(values[i]);
        }

        return result;
    }
}
