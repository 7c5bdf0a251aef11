namespace Quanet.Operations.Kpi;

/// <summary>Where a KPI reader hands each sample, straight from its buffers (nothing is allocated per sample).</summary>
internal interface IKpiSampleSink
{
    /// <summary>One sample of one series.</summary>
    /// <param name="series">The series key.</param>
    /// <param name="instant">Seconds since 1970-01-01 UTC (for ordering).</param>
    /// <param name="wall">Seconds since 1970-01-01 on the series' own clock (for the daily rhythm).</param>
    /// <param name="timeText">The time as the input wrote it (UTF-8).</param>
    /// <param name="value">The value.</param>
    /// <param name="line">1-based input line, for errors.</param>
    void Sample(ReadOnlySpan<char> series, long instant, long wall, ReadOnlySpan<byte> timeText, double value, int line);
}
