using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Api;

/// <summary>An alarm as the fault supervision API shows it (3GPP TS 28.532 AlarmRecord attribute names).</summary>
internal sealed record AlarmDocument(
    long AlarmId,
    string ObjectInstance,
    string AlarmType,
    string ProbableCause,
    string SpecificProblem,
    string PerceivedSeverity,
    string AlarmRaisedTime,
    string AlarmChangedTime,
    string? AlarmClearedTime,
    string AckState,
    string? AckUserId,
    string? AckTime,
    string? ClearUserId,
    string Interface,
    string ReportingEntity,
    int Count)
{
    public static AlarmDocument From(AlarmRecord a) => new(
        a.AlarmId,
        a.Source,
        a.Domain == "thresholdCrossingAlert" ? "qualityOfServiceAlarm"
            : a.Condition is AlarmConditions.LinkDown or AlarmConditions.F1LinkFailure or AlarmConditions.FronthaulLoss or AlarmConditions.NeUnreachable
                or AlarmConditions.XnLinkFailure or AlarmConditions.CellUnavailable ? "communicationsAlarm"
            : a.Condition is AlarmConditions.SoftwareFault ? "processingErrorAlarm"
            : a.Condition is AlarmConditions.MainsFailure or AlarmConditions.DyingGasp or AlarmConditions.HighTemperature ? "environmentalAlarm"
            : "equipmentAlarm",
        a.Condition,
        a.SpecificProblem,
        a.IsActive ? VesEventWriter.SeverityText(a.Severity) : "CLEARED",
        Time(a.RaisedMicros)!,
        Time(a.ChangedMicros)!,
        Time(a.ClearedMicros),
        a.Acknowledged ? "ACKNOWLEDGED" : "UNACKNOWLEDGED",
        a.AckUser,
        Time(a.AckMicros),
        a.ClearUser,
        a.Interface,
        a.ReportingEntity,
        a.Count);

    private static string? Time(long? micros) =>
        micros is long m ? DateTimeOffset.FromUnixTimeMilliseconds(m / 1000).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) : null;
}
