using Quanet.Operations.Ingestion;

namespace Quanet.Testing.Kpi;

/// <summary>One VES 7.2.1 measurement event (hourly interval) as the KPI tests of several projects send them.</summary>
internal static class MeasurementEvent
{
    /// <summary>The event of <paramref name="source"/> at <paramref name="micros"/> carrying <paramref name="values"/>.</summary>
    /// <param name="source">The sourceName (the network element).</param>
    /// <param name="micros">Start and end of the interval's report, Unix microseconds.</param>
    /// <param name="eventId">The eventId.</param>
    /// <param name="values">The measurements.</param>
    public static VesEvent Create(string source, long micros, string eventId, params VesMeasurement[] values) => new()
    {
        Domain = "measurement",
        EventId = eventId,
        EventName = "Measurement_kpi",
        SourceName = source,
        ReportingEntityName = "ems",
        Priority = "Normal",
        StartEpochMicrosec = micros,
        LastEpochMicrosec = micros,
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        MeasurementInterval = 3600,
        Measurements = values,
    };
}
