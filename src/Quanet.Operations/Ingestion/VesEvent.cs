namespace Quanet.Operations.Ingestion;

/// <summary>
/// A validated VES 7.x event (ONAP VES Event Listener, CommonEventFormat 30.x): the common event
/// header plus the fields of the fault, measurement, thresholdCrossingAlert and notification domains
/// that operations needs. Other domains keep the header only.
/// </summary>
public sealed class VesEvent
{
    /// <summary>commonEventHeader.domain.</summary>
    public required string Domain { get; init; }

    /// <summary>commonEventHeader.eventId.</summary>
    public required string EventId { get; init; }

    /// <summary>commonEventHeader.eventName.</summary>
    public required string EventName { get; init; }

    /// <summary>commonEventHeader.sourceName: the entity experiencing the event.</summary>
    public required string SourceName { get; init; }

    /// <summary>commonEventHeader.reportingEntityName: the entity reporting it.</summary>
    public required string ReportingEntityName { get; init; }

    /// <summary>commonEventHeader.priority (High, Medium, Normal, Low).</summary>
    public required string Priority { get; init; }

    /// <summary>commonEventHeader.sequence.</summary>
    public long Sequence { get; init; }

    /// <summary>commonEventHeader.startEpochMicrosec (microseconds since 1970-01-01 UTC).</summary>
    public long StartEpochMicrosec { get; init; }

    /// <summary>commonEventHeader.lastEpochMicrosec (microseconds since 1970-01-01 UTC).</summary>
    public long LastEpochMicrosec { get; init; }

    /// <summary>commonEventHeader.version.</summary>
    public required string Version { get; init; }

    /// <summary>commonEventHeader.vesEventListenerVersion.</summary>
    public required string VesEventListenerVersion { get; init; }

    /// <summary>faultFields.alarmCondition, or for a threshold crossing the first thresholdCrossed with prefix <c>TCA:</c>.</summary>
    public string? AlarmCondition { get; init; }

    /// <summary>Severity of a fault or threshold crossing.</summary>
    public VesSeverity? Severity { get; init; }

    /// <summary>faultFields.specificProblem or thresholdCrossingAlertFields.alertDescription.</summary>
    public string? SpecificProblem { get; init; }

    /// <summary>faultFields.alarmInterfaceA (part of the alarmed object instance), or empty.</summary>
    public string AlarmInterface { get; init; } = "";

    /// <summary>faultFields.vfStatus.</summary>
    public string? VfStatus { get; init; }

    /// <summary>thresholdCrossingAlertFields.alertAction (SET, CONT, CLEAR).</summary>
    public string? AlertAction { get; init; }

    /// <summary>notificationFields.changeType.</summary>
    public string? ChangeType { get; init; }

    /// <summary>notificationFields.changeIdentifier.</summary>
    public string? ChangeIdentifier { get; init; }

    /// <summary>measurementFields.measurementInterval in seconds.</summary>
    public double MeasurementInterval { get; init; }

    /// <summary>Measured values (measurement domain) or observed values (threshold crossings).</summary>
    public IReadOnlyList<VesMeasurement> Measurements { get; init; } = [];

    /// <summary>Whether this event raises, updates or clears an alarm.</summary>
    public bool IsAlarm => AlarmCondition is not null;

    /// <summary>Whether this alarm event clears its alarm.</summary>
    public bool IsClear => Severity == VesSeverity.Normal;
}
