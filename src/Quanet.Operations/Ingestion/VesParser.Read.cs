using System.Text.Json;

namespace Quanet.Operations.Ingestion;

// Streaming capture of the members of one event (the reader sits on a property name or a value).
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
