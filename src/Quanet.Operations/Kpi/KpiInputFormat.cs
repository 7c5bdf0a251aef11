namespace Quanet.Operations.Kpi;

/// <summary>The input formats of KPI detection.</summary>
public enum KpiInputFormat
{
    /// <summary>Chosen by content: VES when the first non-blank byte is <c>{</c>, CSV otherwise.</summary>
    Auto,

    /// <summary>CSV with a header row; time, series and value columns named in <see cref="KpiDetectionRequest"/>.</summary>
    Csv,

    /// <summary>NDJSON of VES 7 bodies; every measurement event's named values are samples.</summary>
    Ves,
}
