using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Tests.Kpi;

/// <summary>VES 7 measurement events for the KPI tests, one per source and time.</summary>
internal static class KpiEvents
{
    public static VesEvent Measurement(string source, long micros, params VesMeasurement[] values) => new()
    {
        Domain = "measurement",
        EventId = $"m{micros}",
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
