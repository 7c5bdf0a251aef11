using System.Globalization;
using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>Streaming capture of the members of one event (the reader sits on a property name or a value).</summary>
public static partial class VesParser
{
    private static bool ReadEventMember(ref Utf8JsonReader r, ref VesEventFields f)
    {
        if (r.ValueTextEquals("commonEventHeader"u8))
        {
            r.Read();
            ReadHeader(ref r, ref f);
        }
        else if (r.ValueTextEquals("faultFields"u8))
        {
            r.Read();
            ReadFault(ref r, ref f);
        }
        else if (r.ValueTextEquals("measurementFields"u8))
        {
            r.Read();
            ReadMeasurement(ref r, ref f);
        }
        else if (r.ValueTextEquals("thresholdCrossingAlertFields"u8))
        {
            r.Read();
            ReadTca(ref r, ref f);
        }
        else if (r.ValueTextEquals("notificationFields"u8))
        {
            r.Read();
            ReadNotification(ref r, ref f);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static void ReadHeader(ref Utf8JsonReader r, ref VesEventFields f)
    {
        f.Header = r.TokenType;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("domain"u8))
            {
                r.Read();
                Capture(ref r, ref f.Domain, Domains, DomainsUtf8);
            }
            else if (r.ValueTextEquals("eventId"u8))
            {
                r.Read();
                Capture(ref r, ref f.EventId, cache: false);
            }
            else if (r.ValueTextEquals("eventName"u8))
            {
                r.Read();
                Capture(ref r, ref f.EventName);
            }
            else if (r.ValueTextEquals("priority"u8))
            {
                r.Read();
                Capture(ref r, ref f.Priority, Priorities, PrioritiesUtf8);
            }
            else if (r.ValueTextEquals("reportingEntityName"u8))
            {
                r.Read();
                Capture(ref r, ref f.Reporting);
            }
            else if (r.ValueTextEquals("sourceName"u8))
            {
                r.Read();
                Capture(ref r, ref f.Source);
            }
            else if (r.ValueTextEquals("version"u8))
            {
                r.Read();
                Capture(ref r, ref f.Version, HeaderVersions, HeaderVersionsUtf8);
            }
            else if (r.ValueTextEquals("vesEventListenerVersion"u8))
            {
                r.Read();
                Capture(ref r, ref f.Listener, ListenerVersions, ListenerVersionsUtf8);
            }
            else if (r.ValueTextEquals("sequence"u8))
            {
                r.Read();
                Capture(ref r, ref f.Sequence);
            }
            else if (r.ValueTextEquals("startEpochMicrosec"u8))
            {
                r.Read();
                Capture(ref r, ref f.Start);
            }
            else if (r.ValueTextEquals("lastEpochMicrosec"u8))
            {
                r.Read();
                Capture(ref r, ref f.Last);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
    }

    private static void ReadFault(ref Utf8JsonReader r, ref VesEventFields f)
    {
        f.Fault = r.TokenType;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("alarmCondition"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlarmCondition);
            }
            else if (r.ValueTextEquals("eventSeverity"u8))
            {
                r.Read();
                Capture(ref r, ref f.FaultSeverity, Severities, SeveritiesUtf8);
            }
            else if (r.ValueTextEquals("specificProblem"u8))
            {
                r.Read();
                Capture(ref r, ref f.SpecificProblem);
            }
            else if (r.ValueTextEquals("alarmInterfaceA"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlarmInterfaceA);
            }
            else if (r.ValueTextEquals("eventSourceType"u8))
            {
                r.Read();
                Capture(ref r, ref f.EventSourceType);
            }
            else if (r.ValueTextEquals("vfStatus"u8))
            {
                r.Read();
                Capture(ref r, ref f.VfStatus, VfStatuses, VfStatusesUtf8);
            }
            else if (r.ValueTextEquals("faultFieldsVersion"u8))
            {
                r.Read();
                Capture(ref r, ref f.FaultVersion, FieldsVersion4, FieldsVersion4Utf8);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
    }

    private static void ReadMeasurement(ref Utf8JsonReader r, ref VesEventFields f)
    {
        f.Measurement = r.TokenType;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("additionalMeasurements"u8))
            {
                r.Read();
                ReadNamedHashMaps(ref r, ref f);
            }
            else if (r.ValueTextEquals("measurementInterval"u8))
            {
                r.Read();
                Capture(ref r, ref f.MeasurementInterval);
            }
            else if (r.ValueTextEquals("measurementFieldsVersion"u8))
            {
                r.Read();
                Capture(ref r, ref f.MeasurementVersion, FieldsVersion4, FieldsVersion4Utf8);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
    }

    private static void ReadTca(ref Utf8JsonReader r, ref VesEventFields f)
    {
        f.Tca = r.TokenType;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("additionalParameters"u8))
            {
                r.Read();
                ReadCounters(ref r, ref f);
            }
            else if (r.ValueTextEquals("alertAction"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlertAction, AlertActions, AlertActionsUtf8);
            }
            else if (r.ValueTextEquals("alertDescription"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlertDescription);
            }
            else if (r.ValueTextEquals("alertType"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlertType, AlertTypes, AlertTypesUtf8);
            }
            else if (r.ValueTextEquals("alertValue"u8))
            {
                r.Read();
                Capture(ref r, ref f.AlertValue);
            }
            else if (r.ValueTextEquals("collectionTimestamp"u8))
            {
                r.Read();
                Capture(ref r, ref f.CollectionTimestamp);
            }
            else if (r.ValueTextEquals("eventSeverity"u8))
            {
                r.Read();
                Capture(ref r, ref f.TcaSeverity, Severities, SeveritiesUtf8);
            }
            else if (r.ValueTextEquals("eventStartTimestamp"u8))
            {
                r.Read();
                Capture(ref r, ref f.EventStartTimestamp);
            }
            else if (r.ValueTextEquals("thresholdCrossingFieldsVersion"u8))
            {
                r.Read();
                Capture(ref r, ref f.TcaVersion, FieldsVersion4, FieldsVersion4Utf8);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
    }

    private static void ReadNotification(ref Utf8JsonReader r, ref VesEventFields f)
    {
        f.Notification = r.TokenType;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("changeIdentifier"u8))
            {
                r.Read();
                Capture(ref r, ref f.ChangeIdentifier);
            }
            else if (r.ValueTextEquals("changeType"u8))
            {
                r.Read();
                Capture(ref r, ref f.ChangeType);
            }
            else if (r.ValueTextEquals("notificationFieldsVersion"u8))
            {
                r.Read();
                Capture(ref r, ref f.NotificationVersion, FieldsVersion2, FieldsVersion2Utf8);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
    }

    /// <summary>measurementFields.additionalMeasurements: an array of {name, hashMap}.</summary>
    private static void ReadNamedHashMaps(ref Utf8JsonReader r, ref VesEventFields f)
    {
        const string At = ".measurementFields.additionalMeasurements";
        var result = new List<VesMeasurement>();
        f.Measured = result;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            f.MeasuredErrorPath = At;
            f.MeasuredErrorReason = "expected an array of named hash maps";
            return;
        }

        var index = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var item = index++;
            if (f.MeasuredErrorPath is not null || r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                if (f.MeasuredErrorPath is null)
                {
                    f.MeasuredErrorPath = $"{At}[{item}]";
                    f.MeasuredErrorReason = "expected an object with 'name' and 'hashMap'";
                }

                continue;
            }

            var name = default(JsonField);
            var map = JsonTokenType.None;
            var first = result.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    Capture(ref r, ref name);
                }
                else if (r.ValueTextEquals("hashMap"u8))
                {
                    r.Read();
                    map = ReadHashMap(ref r, result, "");
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            var reason = TextError(in name) is { } textError ? (".name", textError) : ObjectError(map) is { } mapError ? (".hashMap", mapError) : default;
            if (reason.Item1 is not null)
            {
                f.MeasuredErrorPath = $"{At}[{item}]{reason.Item1}";
                f.MeasuredErrorReason = reason.Item2;
                continue;
            }

            for (var k = first; k < result.Count; k++)
            {
                result[k] = result[k] with { Group = name.Text! };
            }
        }
    }

    /// <summary>thresholdCrossingAlertFields.additionalParameters: an array of counters {criticality, thresholdCrossed, hashMap}.</summary>
    private static void ReadCounters(ref Utf8JsonReader r, ref VesEventFields f)
    {
        const string At = ".thresholdCrossingAlertFields.additionalParameters";
        f.Counters = r.TokenType;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return;
        }

        var observed = new List<VesMeasurement>();
        f.Observed = observed;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var item = f.CounterCount++;
            if (f.CountersErrorPath is not null || r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                if (f.CountersErrorPath is null)
                {
                    f.CountersErrorPath = $"{At}[{item}]";
                    f.CountersErrorReason = "expected an object";
                }

                continue;
            }

            JsonField criticality = default, crossed = default;
            var map = JsonTokenType.None;
            var first = observed.Count;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("criticality"u8))
                {
                    r.Read();
                    Capture(ref r, ref criticality, Criticalities, CriticalitiesUtf8);
                }
                else if (r.ValueTextEquals("thresholdCrossed"u8))
                {
                    r.Read();
                    Capture(ref r, ref crossed);
                }
                else if (r.ValueTextEquals("hashMap"u8))
                {
                    r.Read();
                    map = ReadHashMap(ref r, observed, "");
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            var reason = OneOfError(in criticality, Criticalities) is { } c ? (".criticality", c)
                : TextError(in crossed) is { } t ? (".thresholdCrossed", t)
                : ObjectError(map) is { } m ? (".hashMap", m)
                : default;
            if (reason.Item1 is not null)
            {
                f.CountersErrorPath = $"{At}[{item}]{reason.Item1}";
                f.CountersErrorReason = reason.Item2;
                continue;
            }

            f.FirstCrossed ??= crossed.Text;
            for (var k = first; k < observed.Count; k++)
            {
                observed[k] = observed[k] with { Group = crossed.Text! };
            }
        }
    }

    /// <summary>Reads a hashMap object of name -> number (numeric strings accepted, anything else NaN) into <paramref name="into"/>.</summary>
    private static JsonTokenType ReadHashMap(ref Utf8JsonReader r, List<VesMeasurement> into, string group)
    {
        var token = r.TokenType;
        if (token != JsonTokenType.StartObject)
        {
            r.Skip();
            return token;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = Utf8StringCache.Get(ref r);
            r.Read();
            into.Add(new VesMeasurement(group, key, NumberOf(ref r)));
        }

        return token;
    }

    private static double NumberOf(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Number:
                return r.TryGetDouble(out var number) ? number : double.NaN;
            case JsonTokenType.String:
                {
                    var ok = r.ValueIsEscaped
                        ? double.TryParse(r.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                        : double.TryParse(r.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
                    return ok ? number : double.NaN;
                }

            default:
                r.Skip();
                return double.NaN;
        }
    }

    /// <summary>Captures a scalar value; containers are skipped (their token type is kept for the error).</summary>
    private static void Capture(ref Utf8JsonReader r, ref JsonField field, bool cache = true)
    {
        field.Token = r.TokenType;
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                field.Text = cache ? Utf8StringCache.Get(ref r) : r.GetString();
                break;
            case JsonTokenType.Number:
                field.IsInteger = r.TryGetInt64(out field.Integer);
                field.IsDouble = r.TryGetDouble(out field.Number);
                break;
            default:
                r.Skip();
                break;
        }
    }

    /// <summary>Captures a string that should be one of <paramref name="allowed"/>: a match costs no allocation.</summary>
    private static void Capture(ref Utf8JsonReader r, ref JsonField field, string[] allowed, byte[][] allowedUtf8)
    {
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
        {
            var span = r.ValueSpan;
            for (var i = 0; i < allowedUtf8.Length; i++)
            {
                if (span.SequenceEqual(allowedUtf8[i]))
                {
                    field.Token = JsonTokenType.String;
                    field.Text = allowed[i];
                    return;
                }
            }
        }

        Capture(ref r, ref field, cache: false);
    }
}
