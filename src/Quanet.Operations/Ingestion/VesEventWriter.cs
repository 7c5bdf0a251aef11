using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>Writes <see cref="VesEvent"/>s as CommonEventFormat 7.x JSON (what an xNF would POST).</summary>
public static class VesEventWriter
{
    /// <summary>The event as a one-line <c>{"event":{...}}</c> body.</summary>
    public static string ToJson(VesEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WritePropertyName("event");
            WriteEvent(w, e);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A batch body <c>{"eventList":[...]}</c>.</summary>
    public static string ToBatchJson(IEnumerable<VesEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("eventList");
            foreach (var e in events)
            {
                WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the event object (the value of <c>event</c>).</summary>
    public static void WriteEvent(Utf8JsonWriter w, VesEvent e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteStartObject("commonEventHeader");
        w.WriteString("domain", e.Domain);
        w.WriteString("eventId", e.EventId);
        w.WriteString("eventName", e.EventName);
        w.WriteNumber("lastEpochMicrosec", e.LastEpochMicrosec);
        w.WriteString("priority", e.Priority);
        w.WriteString("reportingEntityName", e.ReportingEntityName);
        w.WriteNumber("sequence", e.Sequence);
        w.WriteString("sourceName", e.SourceName);
        w.WriteNumber("startEpochMicrosec", e.StartEpochMicrosec);
        w.WriteString("version", e.Version);
        w.WriteString("vesEventListenerVersion", e.VesEventListenerVersion);
        w.WriteEndObject();
        switch (e.Domain)
        {
            case "fault":
                w.WriteStartObject("faultFields");
                w.WriteString("alarmCondition", e.AlarmCondition);
                if (e.AlarmInterface.Length > 0)
                {
                    w.WriteString("alarmInterfaceA", e.AlarmInterface);
                }

                w.WriteString("eventSeverity", SeverityText(e.Severity ?? VesSeverity.Major));
                w.WriteString("eventSourceType", "other");
                w.WriteString("faultFieldsVersion", "4.0");
                w.WriteString("specificProblem", e.SpecificProblem ?? e.AlarmCondition);
                w.WriteString("vfStatus", e.VfStatus ?? "Active");
                w.WriteEndObject();
                break;
            case "thresholdCrossingAlert":
                var stamp = DateTimeOffset.FromUnixTimeMilliseconds(e.StartEpochMicrosec / 1000).ToString("R", CultureInfo.InvariantCulture);
                w.WriteStartObject("thresholdCrossingAlertFields");
                w.WriteStartArray("additionalParameters");
                w.WriteStartObject();
                w.WriteString("criticality", e.Severity == VesSeverity.Critical ? "CRIT" : "MAJ");
                w.WriteStartObject("hashMap");
                foreach (var m in e.Measurements)
                {
                    w.WriteString(m.Name, m.Value.ToString("R", CultureInfo.InvariantCulture));
                }

                w.WriteEndObject();
                w.WriteString("thresholdCrossed", e.AlarmCondition!.StartsWith("TCA:", StringComparison.Ordinal) ? e.AlarmCondition[4..] : e.AlarmCondition);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("alertAction", e.AlertAction ?? (e.IsClear ? "CLEAR" : "SET"));
                w.WriteString("alertDescription", e.SpecificProblem ?? e.AlarmCondition);
                w.WriteString("alertType", "SERVICE-ANOMALY");
                if (e.AlarmInterface.Length > 0)
                {
                    w.WriteString("alertValue", e.AlarmInterface);
                }

                w.WriteString("collectionTimestamp", stamp);
                w.WriteString("eventSeverity", SeverityText(e.Severity ?? VesSeverity.Major));
                w.WriteString("eventStartTimestamp", stamp);
                w.WriteString("thresholdCrossingFieldsVersion", "4.0");
                w.WriteEndObject();
                break;
            case "measurement":
                w.WriteStartObject("measurementFields");
                w.WriteStartArray("additionalMeasurements");
                string? group = null;
                foreach (var m in e.Measurements)
                {
                    if (!string.Equals(group, m.Group, StringComparison.Ordinal))
                    {
                        if (group is not null)
                        {
                            w.WriteEndObject();
                            w.WriteEndObject();
                        }

                        group = m.Group;
                        w.WriteStartObject();
                        w.WriteString("name", m.Group);
                        w.WriteStartObject("hashMap");
                    }

                    w.WriteString(m.Name, m.Value.ToString("R", CultureInfo.InvariantCulture));
                }

                if (group is not null)
                {
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("measurementFieldsVersion", "4.0");
                w.WriteNumber("measurementInterval", e.MeasurementInterval);
                w.WriteEndObject();
                break;
            case "notification":
                w.WriteStartObject("notificationFields");
                w.WriteString("changeIdentifier", e.ChangeIdentifier);
                w.WriteString("changeType", e.ChangeType);
                w.WriteString("notificationFieldsVersion", "2.0");
                w.WriteEndObject();
                break;
            default:
                break;
        }

        w.WriteEndObject();
    }

    /// <summary>The VES text of a severity.</summary>
    public static string SeverityText(VesSeverity severity) => severity switch
    {
        VesSeverity.Critical => "CRITICAL",
        VesSeverity.Major => "MAJOR",
        VesSeverity.Minor => "MINOR",
        VesSeverity.Warning => "WARNING",
        _ => "NORMAL",
    };
}
