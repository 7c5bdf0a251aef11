using System.Text.Json;

namespace Quanet.Operations.Ingestion;

// Validation of the captured members, in a fixed order (header, then the domain's block).
public static partial class VesParser
{
    private static VesEvent Validate(ref VesEventFields f, EventPath path)
    {
        if (ObjectError(f.Header) is { } headerError)
        {
            throw path.Error(".commonEventHeader", headerError);
        }

        var domain = OneOf(in f.Domain, path, ".commonEventHeader.domain", Domains);
        var eventId = Text(in f.EventId, path, ".commonEventHeader.eventId");
        var eventName = Text(in f.EventName, path, ".commonEventHeader.eventName");
        var priority = OneOf(in f.Priority, path, ".commonEventHeader.priority", Priorities);
        var reporting = Text(in f.Reporting, path, ".commonEventHeader.reportingEntityName");
        var source = Text(in f.Source, path, ".commonEventHeader.sourceName");
        var version = OneOf(in f.Version, path, ".commonEventHeader.version", HeaderVersions);
        var listener = OneOf(in f.Listener, path, ".commonEventHeader.vesEventListenerVersion", ListenerVersions);
        var sequence = Integer(in f.Sequence, path, ".commonEventHeader.sequence");
        var start = Epoch(in f.Start, path, ".commonEventHeader.startEpochMicrosec");
        var last = Epoch(in f.Last, path, ".commonEventHeader.lastEpochMicrosec");
        string? condition = null, problem = null, vfStatus = null, action = null, changeType = null, changeId = null;
        var alarmInterface = "";
        VesSeverity? severity = null;
        double interval = 0;
        IReadOnlyList<VesMeasurement> measurements = [];
        switch (domain)
        {
            case "fault":
                Block(f.Fault, path, ".faultFields");
                OneOf(in f.FaultVersion, path, ".faultFields.faultFieldsVersion", FieldsVersion4);
                Text(in f.EventSourceType, path, ".faultFields.eventSourceType");
                condition = Text(in f.AlarmCondition, path, ".faultFields.alarmCondition");
                severity = Severity(in f.FaultSeverity, path, ".faultFields.eventSeverity");
                problem = Text(in f.SpecificProblem, path, ".faultFields.specificProblem");
                vfStatus = OneOf(in f.VfStatus, path, ".faultFields.vfStatus", VfStatuses);
                alarmInterface = f.AlarmInterfaceA.Token == JsonTokenType.String ? f.AlarmInterfaceA.Text! : "";
                break;

            case "measurement":
                Block(f.Measurement, path, ".measurementFields");
                OneOf(in f.MeasurementVersion, path, ".measurementFields.measurementFieldsVersion", FieldsVersion4);
                interval = Number(in f.MeasurementInterval, path, ".measurementFields.measurementInterval");
                if (f.MeasuredErrorPath is not null)
                {
                    throw path.Error(f.MeasuredErrorPath, f.MeasuredErrorReason!);
                }

                measurements = f.Measured ?? [];
                break;

            case "thresholdCrossingAlert":
                {
                    Block(f.Tca, path, ".thresholdCrossingAlertFields");
                    OneOf(in f.TcaVersion, path, ".thresholdCrossingAlertFields.thresholdCrossingFieldsVersion", FieldsVersion4);
                    action = OneOf(in f.AlertAction, path, ".thresholdCrossingAlertFields.alertAction", AlertActions);
                    problem = Text(in f.AlertDescription, path, ".thresholdCrossingAlertFields.alertDescription");
                    OneOf(in f.AlertType, path, ".thresholdCrossingAlertFields.alertType", AlertTypes);
                    Text(in f.CollectionTimestamp, path, ".thresholdCrossingAlertFields.collectionTimestamp");
                    Text(in f.EventStartTimestamp, path, ".thresholdCrossingAlertFields.eventStartTimestamp");
                    var reported = Severity(in f.TcaSeverity, path, ".thresholdCrossingAlertFields.eventSeverity");
                    severity = action == "CLEAR" ? VesSeverity.Normal : reported;
                    if (f.Counters != JsonTokenType.StartArray || f.CounterCount == 0)
                    {
                        throw path.Error(".thresholdCrossingAlertFields.additionalParameters", "required: a non-empty array of counters");
                    }

                    if (f.CountersErrorPath is not null)
                    {
                        throw path.Error(f.CountersErrorPath, f.CountersErrorReason!);
                    }

                    condition = "TCA:" + f.FirstCrossed;
                    measurements = f.Observed!;
                    alarmInterface = f.AlertValue.Token == JsonTokenType.String ? f.AlertValue.Text! : "";
                    break;
                }

            case "notification":
                Block(f.Notification, path, ".notificationFields");
                OneOf(in f.NotificationVersion, path, ".notificationFields.notificationFieldsVersion", FieldsVersion2);
                changeId = Text(in f.ChangeIdentifier, path, ".notificationFields.changeIdentifier");
                changeType = Text(in f.ChangeType, path, ".notificationFields.changeType");
                break;

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

    private static void Block(JsonTokenType token, EventPath path, string at)
    {
        if (ObjectError(token) is { } error)
        {
            throw path.Error(at, error);
        }
    }

    private static string? ObjectError(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => null,
        JsonTokenType.None => "required object missing",
        _ => "expected an object",
    };

    private static string? TextError(in JsonField field) => field.Token switch
    {
        JsonTokenType.None => "required field missing",
        JsonTokenType.String => field.Text!.Length > 0 ? null : "must not be empty",
        _ => "expected a string",
    };

    private static string? OneOfError(in JsonField field, string[] allowed)
    {
        if (TextError(in field) is { } error)
        {
            return error;
        }

        foreach (var a in allowed)
        {
            if (string.Equals(a, field.Text, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return $"'{field.Text}' is not one of {string.Join(", ", allowed)}";
    }

    private static string Text(in JsonField field, EventPath path, string at) =>
        TextError(in field) is { } error ? throw path.Error(at, error) : field.Text!;

    private static string OneOf(in JsonField field, EventPath path, string at, string[] allowed) =>
        OneOfError(in field, allowed) is { } error ? throw path.Error(at, error) : field.Text!;

    private static VesSeverity Severity(in JsonField field, EventPath path, string at) => Text(in field, path, at) switch
    {
        "CRITICAL" => VesSeverity.Critical,
        "MAJOR" => VesSeverity.Major,
        "MINOR" => VesSeverity.Minor,
        "WARNING" => VesSeverity.Warning,
        // NORMAL is the schema's clearing severity; CLEAR/CLEARED accepted from 3GPP-minded sources
        "NORMAL" or "CLEAR" or "CLEARED" => VesSeverity.Normal,
        var text => throw path.Error(at, $"'{text}' is not one of CRITICAL, MAJOR, MINOR, WARNING, NORMAL"),
    };

    private static long Integer(in JsonField field, EventPath path, string at) => field.Token switch
    {
        JsonTokenType.None => throw path.Error(at, "required field missing"),
        JsonTokenType.Number when field.IsInteger => field.Integer,
        _ => throw path.Error(at, "expected an integer"),
    };

    private static double Number(in JsonField field, EventPath path, string at) => field.Token switch
    {
        JsonTokenType.None => throw path.Error(at, "required field missing"),
        JsonTokenType.Number when field.IsDouble => field.Number,
        _ => throw path.Error(at, "expected a number"),
    };

    private static long Epoch(in JsonField field, EventPath path, string at)
    {
        var value = Number(in field, path, at);
        return value is >= 0 and < 1e17
            ? (long)value
            : throw path.Error(at, "expected microseconds since 1970 (a non-negative number)");
    }
}
