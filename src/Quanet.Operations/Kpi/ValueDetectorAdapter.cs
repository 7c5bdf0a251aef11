using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Kpi;

/// <summary>A value-only NAB detector (<see cref="AnomalyDetectors"/>) on a KPI series: times are ignored.</summary>
internal sealed class ValueDetectorAdapter(IStreamingDetector inner) : IKpiDetector
{
    /// <inheritdoc />
    public double Expected => double.NaN;

    /// <inheritdoc />
    public long WindowStart { get; private set; }

    /// <inheritdoc />
    public int StateBytes => 0;

    /// <inheritdoc />
    public double Update(long wallSeconds, double value)
    {
        WindowStart = wallSeconds;
        return inner.Update(value);
    }
}
