using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// The members of one VES event captured while streaming it (any member order), validated when the
/// event object ends. Absent members have token <see cref="JsonTokenType.None"/>. Structural errors
/// inside the measurement and threshold-crossing arrays are kept (first one only) and reported only if
/// the event's domain needs those fields, so an unused block never rejects an event.
/// </summary>
internal struct VesEventFields
{
    public JsonTokenType Header;
    public JsonField Domain, EventId, EventName, Priority, Reporting, Source, Version, Listener, Sequence, Start, Last;

    public JsonTokenType Fault;
    public JsonField FaultVersion, EventSourceType, AlarmCondition, FaultSeverity, SpecificProblem, VfStatus, AlarmInterfaceA;

    public JsonTokenType Measurement;
    public JsonField MeasurementVersion, MeasurementInterval;
    public List<VesMeasurement>? Measured;
    public string? MeasuredErrorPath, MeasuredErrorReason;

    public JsonTokenType Tca;
    public JsonField TcaVersion, AlertAction, AlertDescription, AlertType, CollectionTimestamp, EventStartTimestamp, TcaSeverity, AlertValue;
    public JsonTokenType Counters;
    public int CounterCount;
    public string? FirstCrossed;
    public List<VesMeasurement>? Observed;
    public string? CountersErrorPath, CountersErrorReason;

    public JsonTokenType Notification;
    public JsonField NotificationVersion, ChangeIdentifier, ChangeType;
}
