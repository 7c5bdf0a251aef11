namespace Quanet.Operations.Kpi;

/// <summary>
/// A streaming detector for one KPI series that knows the time of each value, so that it can follow the
/// series' daily and weekly rhythm. Like <see cref="Anomaly.IStreamingDetector"/>, the score of a value
/// depends on that value and the ones before it only.
/// </summary>
internal interface IKpiDetector
{
    /// <summary>What the detector expected for the last value (NaN while it has no baseline).</summary>
    double Expected { get; }

    /// <summary>Wall-clock seconds where the evidence behind the last score began (its own time for a single outlier).</summary>
    long WindowStart { get; }

    /// <summary>Bytes of state this detector holds (its arrays and fields), for the memory figure per series.</summary>
    int StateBytes { get; }

    /// <summary>Consumes the next value and returns its anomaly score in [0, 1].</summary>
    /// <param name="wallSeconds">Seconds since 1970-01-01 on the series' own clock; strictly increasing.</param>
    /// <param name="value">The value.</param>
    double Update(long wallSeconds, double value);
}
