using System.Net;
using Quanet.Defence.Telemetry;
using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Testing.Kpi;
using Quanet.Workflows.Operations;

namespace Quanet.Console.Tests.Support;

/// <summary>
/// Real input for the operate endpoints, on the server's own inventory (the CLI's synthetic 40-site network, seed 1,
/// as tests/Quanet.Server.Tests/Operations does): a DU crash as VES events, and defence telemetry whose second
/// intrusion needs an isolation that waits for an operator.
/// </summary>
internal static class OperateEvents
{
    private static int _next;

    private static NetworkInventory Network { get; } = TopologyLoader.Load(null, null, 40, 1).Inventory;

    private static VesEvent Fault(string source, string condition, VesSeverity severity, long micros) => new()
    {
        Domain = "fault",
        EventId = $"c{Interlocked.Increment(ref _next)}",
        EventName = $"Fault_{condition}",
        SourceName = source,
        ReportingEntityName = "ems",
        Priority = "High",
        Sequence = 0,
        StartEpochMicrosec = micros,
        LastEpochMicrosec = micros,
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        AlarmCondition = condition,
        Severity = severity,
        SpecificProblem = condition,
        AlarmInterface = "",
        VfStatus = "Active",
    };

    /// <summary>
    /// A DU's software fault and the fronthaul loss at the radios it serves (one eventBatch), then two later events on
    /// another DU that close the correlation window; <c>Du</c> is the incident's expected root cause.
    /// </summary>
    public static (string Batch, string Late, string Later, string Du) DuCrash()
    {
        var du = Network.Elements.First(e => e.Id.EndsWith("/du", StringComparison.Ordinal) && Network.ServedBy(e.Id).Count > 0).Id;
        var crash = new List<VesEvent> { Fault(du, AlarmConditions.SoftwareFault, VesSeverity.Critical, 1_000_000) };
        crash.AddRange(Network.ServedBy(du).Select(ru => Fault(ru.Id, AlarmConditions.FronthaulLoss, VesSeverity.Major, 2_000_000)));
        var other = Network.Elements.Last(e => e.Id.EndsWith("/du", StringComparison.Ordinal)).Id;
        return (VesEventWriter.ToBatchJson(crash), VesEventWriter.ToJson(Fault(other, "LATE", VesSeverity.Major, 900_000_000)),
            VesEventWriter.ToJson(Fault(other, "LATER", VesSeverity.Major, 1_800_000_000)), du);
    }

    /// <summary>
    /// Hourly downlink volume of one radio unit with a daily busy hour, in one eventBatch per day, until hour 474 of
    /// the twentieth day: from hour 470 on it is down to a fifth (no alarm, still degraded); <c>Cell</c> is that radio unit.
    /// </summary>
    public static (IReadOnlyList<string> Days, string Cell) KpiDrop()
    {
        var cell = Network.Elements.First(e => e.Kind == ElementKind.RadioUnit).Id;
        var days = Enumerable.Range(0, 20).Select(day => VesEventWriter.ToBatchJson(Enumerable.Range(day * 24, Math.Min(24, 475 - (day * 24)))
            .Select(h => CellTraffic.Event(cell, h, h is >= 470 and < 476 ? 0.2 : 1.0, $"k{h}")))).ToList();
        return (days, cell);
    }

    /// <summary>
    /// AAA lines of two intrusions (Quanet.Defence's response scenario): via transit B it is isolated at once; via
    /// transit C as well it would cut customer traffic, so that isolation waits for approval.
    /// </summary>
    public static string DefenceTelemetry()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        return string.Join('\n',
            TelemetryFormatter.Format(new CommandEvent(t0, "pe1", "svc", IPAddress.Parse("198.51.100.9"), "show version")),
            TelemetryFormatter.Format(new CommandEvent(t0.AddSeconds(5), "pe2", "svc", IPAddress.Parse("192.0.2.9"), "show version"))) + "\n";
    }
}
