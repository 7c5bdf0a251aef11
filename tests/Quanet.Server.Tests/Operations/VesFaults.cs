using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Workflows.Operations;

namespace Quanet.Server.Tests.Operations;

/// <summary>VES fault events on the server's default network (the CLI's synthetic 40-site topology, seed 1).</summary>
internal static class VesFaults
{
    private static int _next;

    public static NetworkInventory Network { get; } = TopologyLoader.Load(null, null, 40, 1).Inventory;

    public static VesEvent Fault(string source, string condition, VesSeverity severity, long micros) => new()
    {
        Domain = "fault",
        EventId = $"t{Interlocked.Increment(ref _next)}",
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

    /// <summary>A DU crash (software fault and fronthaul loss on its radios) followed by two later events that close the correlation window.</summary>
    public static (string Crash, string Late, string Later, string Du) DuCrash()
    {
        var du = Network.Elements.First(e => e.Id.EndsWith("/du", StringComparison.Ordinal) && Network.ServedBy(e.Id).Count > 0).Id;
        var crash = new List<VesEvent> { Fault(du, AlarmConditions.SoftwareFault, VesSeverity.Critical, 1_000_000) };
        crash.AddRange(Network.ServedBy(du).Select(ru => Fault(ru.Id, AlarmConditions.FronthaulLoss, VesSeverity.Major, 2_000_000)));
        var other = Network.Elements.Last(e => e.Id.EndsWith("/du", StringComparison.Ordinal)).Id;
        return (VesEventWriter.ToBatchJson(crash), VesEventWriter.ToJson(Fault(other, "LATE", VesSeverity.Major, 900_000_000)),
            VesEventWriter.ToJson(Fault(other, "LATER", VesSeverity.Major, 1_800_000_000)), du);
    }
}
