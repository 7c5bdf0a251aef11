using Quanet.Core;

namespace Quanet.Operations.Kpi;

/// <summary>What <see cref="KpiDetection.Run"/> reads and how it scores.</summary>
public sealed record KpiDetectionRequest
{
    /// <summary>The input format.</summary>
    /// <value>Default <see cref="KpiInputFormat.Auto"/>.</value>
    public KpiInputFormat Format { get; init; } = KpiInputFormat.Auto;

    /// <summary>The CSV column of the time (ISO 8601 or Unix seconds).</summary>
    /// <value>Default <c>time</c>.</value>
    public string TimeColumn { get; init; } = "time";

    /// <summary>The CSV column of the series key (e.g. cell x KPI).</summary>
    /// <value>Default <c>series</c>.</value>
    public string SeriesColumn { get; init; } = "series";

    /// <summary>The CSV column of the value.</summary>
    /// <value>Default <c>value</c>.</value>
    public string ValueColumn { get; init; } = "value";

    /// <summary>The detector, one of <see cref="KpiDetectors.Names"/>.</summary>
    /// <value>Default <see cref="KpiDetectors.Default"/>.</value>
    public string Detector { get; init; } = KpiDetectors.Default;

    /// <summary>A value is reported when its score is at least this.</summary>
    /// <value>Default 0.5.</value>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Input bounds: at most <see cref="FormatLimits.MaxVariables"/> series.</summary>
    /// <value>Default <see cref="FormatLimits.Default"/>.</value>
    public FormatLimits Limits { get; init; } = FormatLimits.Default;
}
