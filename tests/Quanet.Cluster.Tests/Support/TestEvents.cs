using System.Globalization;
using Quanet.Cluster.Ingestion;
using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Tests.Support;

/// <summary>VES events and log entries for tests.</summary>
internal static class TestEvents
{
    public static VesEvent Fault(string source, int id, long sequence = 0) => new()
    {
        Domain = "fault",
        EventId = string.Create(CultureInfo.InvariantCulture, $"e{id}"),
        EventName = "Fault_LINK_DOWN",
        SourceName = source,
        ReportingEntityName = "ems",
        Priority = "High",
        Sequence = sequence,
        StartEpochMicrosec = 1_700_000_000_000_000 + id,
        LastEpochMicrosec = 1_700_000_000_000_000 + id,
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        AlarmCondition = "LINK_DOWN",
        Severity = VesSeverity.Critical,
        SpecificProblem = "Loss of signal",
        VfStatus = "Active",
    };

    /// <summary>Entries <paramref name="from"/>..<paramref name="from"/>+<paramref name="count"/>-1 of <paramref name="region"/> (event ID = number).</summary>
    public static EventToLog[] Entries(string region, int from, int count)
    {
        var entries = new EventToLog[count];
        for (var i = 0; i < count; i++)
        {
            var e = Fault("src-" + region, from + i);
            entries[i] = new EventToLog(region, region + "/" + e.EventId, System.Text.Encoding.UTF8.GetBytes(VesEventWriter.ToJson(e)));
        }

        return entries;
    }

    /// <summary>The event number (event ID without 'e') of a logged event.</summary>
    public static int Number(LoggedEvent e)
    {
        var parsed = VesParser.ParseBody(e.Json.Span);
        return int.Parse(parsed[0].EventId.AsSpan(1), CultureInfo.InvariantCulture);
    }
}
