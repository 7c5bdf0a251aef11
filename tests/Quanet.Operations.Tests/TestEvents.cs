using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests;

/// <summary>Builds VES events for tests.</summary>
internal static class TestEvents
{
    private static int _next;

    public static VesEvent Fault(string source, string condition, VesSeverity severity, long micros, string iface = "", string reporter = "ems") => new()
    {
        Domain = "fault",
        EventId = $"e{Interlocked.Increment(ref _next)}",
        EventName = $"Fault_{condition}",
        SourceName = source,
        ReportingEntityName = reporter,
        Priority = "High",
        Sequence = 0,
        StartEpochMicrosec = micros,
        LastEpochMicrosec = micros,
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        AlarmCondition = condition,
        Severity = severity,
        SpecificProblem = condition,
        AlarmInterface = iface,
        VfStatus = "Active",
    };

    public const string ValidFault = """
        {"event":{"commonEventHeader":{"domain":"fault","eventId":"f1","eventName":"Fault_LinkDown","lastEpochMicrosec":1700000000000000,
        "priority":"High","reportingEntityName":"ems","sequence":1,"sourceName":"A/csr","startEpochMicrosec":1700000000000000,
        "version":"4.1","vesEventListenerVersion":"7.2.1"},
        "faultFields":{"alarmCondition":"LINK_DOWN","alarmInterfaceA":"L2","eventSeverity":"CRITICAL","eventSourceType":"router",
        "faultFieldsVersion":"4.0","specificProblem":"Loss of signal","vfStatus":"Active"}}}
        """;

    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"quanet-ops-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
