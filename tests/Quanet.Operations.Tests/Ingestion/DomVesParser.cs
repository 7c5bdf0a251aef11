using System.Globalization;
using System.Text.Json;

using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Ingestion;

/// <summary>
/// The previous VES parser (JsonDocument DOM, field by field with TryGetProperty), kept as the oracle of
/// the differential test: the streaming <see cref="VesParser"/> must accept, reject and report exactly as it.
/// </summary>
internal static class DomVesParser
{
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

    /// <summary>
    /// Parses a request body holding one event (<c>{"event":...}</c>) or a batch (<c>{"eventList":[...]}</c>);
    /// a bare event object (with <c>commonEventHeader</c> at the top, as NDJSON files often hold) is accepted too.
    /// </summary>
    /// <exception cref="VesValidationException">The body or one of its events is invalid.</exception>
    public static List<VesEvent> ParseBody(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new VesValidationException("$", $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new VesValidationException("$", "expected an object with 'event' or 'eventList'");
            }

            if (root.TryGetProperty("commonEventHeader", out _))
            {
                return [ParseEvent(root, "event")];
            }

            if (root.TryGetProperty("event", out var single))
            {
                return [ParseEvent(single, "event")];
            }

            if (root.TryGetProperty("eventList", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                {
                    throw new VesValidationException("eventList", "expected a non-empty array of events");
                }

                var events = new List<VesEvent>(list.GetArrayLength());
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    events.Add(ParseEvent(item, $"eventList[{i++}]"));
                }

                return events;
            }

            throw new VesValidationException("$", "expected 'event' or 'eventList'");
        }
    }

    /// <summary>Parses one event object (the value of <c>event</c>); <paramref name="path"/> prefixes error paths.</summary>
    /// <exception cref="VesValidationException">The event is invalid.</exception>
    public static VesEvent ParseEvent(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new VesValidationException(path, "expected an object");
        }

        var header = Object(e, "commonEventHeader", path);
        var hp = path + ".commonEventHeader";
        var domain = OneOf(header, "domain", hp, Domains);
        var eventId = Text(header, "eventId", hp);
        var eventName = Text(header, "eventName", hp);
        var priority = OneOf(header, "priority", hp, Priorities);
        var reporting = Text(header, "reportingEntityName", hp);
        var source = Text(header, "sourceName", hp);
        var version = OneOf(header, "version", hp, HeaderVersions);
        var listener = OneOf(header, "vesEventListenerVersion", hp, ListenerVersions);
        var sequence = Integer(header, "sequence", hp);
        var start = Epoch(header, "startEpochMicrosec", hp);
        var last = Epoch(header, "lastEpochMicrosec", hp);
        string? condition = null, problem = null, vfStatus = null, action = null, changeType = null, changeId = null;
        var alarmInterface = "";
        VesSeverity? severity = null;
        double interval = 0;
        IReadOnlyList<VesMeasurement> measurements = [];
        switch (domain)
        {
            case "fault":
                {
                    var f = Object(e, "faultFields", path);
                    var fp = path + ".faultFields";
                    OneOf(f, "faultFieldsVersion", fp, ["4.0"]);
                    Text(f, "eventSourceType", fp);
                    condition = Text(f, "alarmCondition", fp);
                    severity = Severity(f, fp);
                    problem = Text(f, "specificProblem", fp);
                    vfStatus = OneOf(f, "vfStatus", fp, VfStatuses);
                    alarmInterface = f.TryGetProperty("alarmInterfaceA", out var ia) && ia.ValueKind == JsonValueKind.String ? ia.GetString()! : "";
                    break;
                }

            case "measurement":
                {
                    var m = Object(e, "measurementFields", path);
                    var mp = path + ".measurementFields";
                    OneOf(m, "measurementFieldsVersion", mp, ["4.0"]);
                    interval = Number(m, "measurementInterval", mp);
                    measurements = NamedHashMaps(m, "additionalMeasurements", mp);
                    break;
                }

            case "thresholdCrossingAlert":
                {
                    var t = Object(e, "thresholdCrossingAlertFields", path);
                    var tp = path + ".thresholdCrossingAlertFields";
                    OneOf(t, "thresholdCrossingFieldsVersion", tp, ["4.0"]);
                    action = OneOf(t, "alertAction", tp, AlertActions);
                    problem = Text(t, "alertDescription", tp);
                    OneOf(t, "alertType", tp, AlertTypes);
                    Text(t, "collectionTimestamp", tp);
                    Text(t, "eventStartTimestamp", tp);
                    var reported = Severity(t, tp);
                    severity = action == "CLEAR" ? VesSeverity.Normal : reported;

                    var (crossed, observed) = Counters(t, tp);
                    condition = "TCA:" + crossed;
                    measurements = observed;
                    alarmInterface = t.TryGetProperty("alertValue", out var av) && av.ValueKind == JsonValueKind.String ? av.GetString()! : "";
                    break;
                }

            case "notification":
                {
                    var n = Object(e, "notificationFields", path);
                    var np = path + ".notificationFields";
                    OneOf(n, "notificationFieldsVersion", np, ["2.0"]);
                    changeId = Text(n, "changeIdentifier", np);
                    changeType = Text(n, "changeType", np);
                    break;
                }

            default:
                break;
        }

        return new VesEvent
        {
            Domain = domain,
            EventId = eventId,
            EventName = eventName,
            SourceName = source,
            ReportingEntityName = reporting,
            Priority = priority,
            Sequence = sequence,
            StartEpochMicrosec = start,
            LastEpochMicrosec = last,
            Version = version,
            VesEventListenerVersion = listener,
            AlarmCondition = condition,
            Severity = severity,
            SpecificProblem = problem,
            AlarmInterface = alarmInterface,
            VfStatus = vfStatus,
            AlertAction = action,
            ChangeType = changeType,
            ChangeIdentifier = changeId,
            MeasurementInterval = interval,
            Measurements = measurements,
        };
    }

    private static VesSeverity Severity(JsonElement obj, string path)
    {
        var text = Text(obj, "eventSeverity", path);
        return text switch
        {
            "CRITICAL" => VesSeverity.Critical,
            "MAJOR" => VesSeverity.Major,
            "MINOR" => VesSeverity.Minor,
            "WARNING" => VesSeverity.Warning,
            // NORMAL is the schema's clearing severity; CLEAR/CLEARED accepted from 3GPP-minded sources
            "NORMAL" or "CLEAR" or "CLEARED" => VesSeverity.Normal,
            _ => throw new VesValidationException(path + ".eventSeverity", $"'{text}' is not one of CRITICAL, MAJOR, MINOR, WARNING, NORMAL"),
        };
    }

    private static (string Crossed, List<VesMeasurement> Observed) Counters(JsonElement t, string path)
    {
        if (!t.TryGetProperty("additionalParameters", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new VesValidationException(path + ".additionalParameters", "required: a non-empty array of counters");
        }

        string? first = null;
        var observed = new List<VesMeasurement>();
        var i = 0;
        foreach (var counter in array.EnumerateArray())
        {
            var cp = $"{path}.additionalParameters[{i++}]";
            if (counter.ValueKind != JsonValueKind.Object)
            {
                throw new VesValidationException(cp, "expected an object");
            }

            OneOf(counter, "criticality", cp, ["CRIT", "MAJ", "MIN"]);
            var crossed = Text(counter, "thresholdCrossed", cp);
            first ??= crossed;
            var map = Object(counter, "hashMap", cp);
            foreach (var kv in map.EnumerateObject())
            {
                observed.Add(new VesMeasurement(crossed, kv.Name, NumberOf(kv.Value)));
            }
        }

        return (first!, observed);
    }

    private static List<VesMeasurement> NamedHashMaps(JsonElement obj, string name, string path)
    {
        var result = new List<VesMeasurement>();
        if (!obj.TryGetProperty(name, out var array))
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new VesValidationException($"{path}.{name}", "expected an array of named hash maps");
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var ip = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new VesValidationException(ip, "expected an object with 'name' and 'hashMap'");
            }

            var group = Text(item, "name", ip);
            var map = Object(item, "hashMap", ip);
            foreach (var kv in map.EnumerateObject())
            {
                result.Add(new VesMeasurement(group, kv.Name, NumberOf(kv.Value)));
            }
        }

        return result;
    }

    private static double NumberOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => double.NaN,
    };

    private static JsonElement Object(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new VesValidationException($"{path}.{name}", "required object missing");
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new VesValidationException($"{path}.{name}", "expected an object");
    }

    private static string Text(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new VesValidationException($"{path}.{name}", "required field missing");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new VesValidationException($"{path}.{name}", "expected a string");
        }

        var text = value.GetString()!;
        return text.Length > 0 ? text : throw new VesValidationException($"{path}.{name}", "must not be empty");
    }

    private static string OneOf(JsonElement obj, string name, string path, string[] allowed)
    {
        var text = Text(obj, name, path);
        foreach (var a in allowed)
        {
            if (string.Equals(a, text, StringComparison.Ordinal))
            {
                return a;
            }
        }

        throw new VesValidationException($"{path}.{name}", $"'{text}' is not one of {string.Join(", ", allowed)}");
    }

    private static long Integer(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new VesValidationException($"{path}.{name}", "required field missing");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n
            : throw new VesValidationException($"{path}.{name}", "expected an integer");
    }

    private static double Number(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new VesValidationException($"{path}.{name}", "required field missing");
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new VesValidationException($"{path}.{name}", "expected a number");
    }

    private static long Epoch(JsonElement obj, string name, string path)
    {
        var value = Number(obj, name, path);
        return value is >= 0 and < 1e17
            ? (long)value
            : throw new VesValidationException($"{path}.{name}", "expected microseconds since 1970 (a non-negative number)");
    }
}
