using Quanet.Operations.Ingestion;
using Quanet.Testing.Kpi;

namespace Quanet.Operations.Tests.Kpi;

/// <summary>VES 7 measurement events for the KPI tests, one per source and time.</summary>
internal static class KpiEvents
{
    public static VesEvent Measurement(string source, long micros, params VesMeasurement[] values) => MeasurementEvent.Create(source, micros, $"m{micros}", values);
}
