using Quanet.Core;

namespace Quanet.Operations.Kpi;

/// <summary>
/// Streaming anomaly detection on an operator's KPIs: reads CSV or VES samples of many interleaved
/// series in one pass, keeps one detector state per series, and writes each anomaly as an NDJSON line
/// as soon as it is scored. Memory grows with the number of series, not with the input.
/// </summary>
public static class KpiDetection
{
    /// <summary>Runs detection over <paramref name="input"/>.</summary>
    /// <param name="input">The samples (CSV or NDJSON of VES bodies).</param>
    /// <param name="fileName">Names the input in errors.</param>
    /// <param name="request">Format, columns, detector and threshold.</param>
    /// <param name="output">Receives one NDJSON line per anomaly.</param>
    /// <param name="cancellationToken">Cancels between input blocks.</param>
    /// <returns>Counts of rows, series and anomalies.</returns>
    /// <exception cref="InputFormatException">Malformed input, naming the line.</exception>
    /// <exception cref="ArgumentException">Unknown detector or a threshold outside [0, 1].</exception>
    public static KpiDetectionSummary Run(Stream input, string fileName, KpiDetectionRequest request, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!KpiDetectors.Names.Contains(request.Detector))
        {
            throw new ArgumentException($"unknown detector '{request.Detector}'; known: {string.Join(", ", KpiDetectors.Names)}", nameof(request));
        }

        if (!(request.Threshold is >= 0 and <= 1))
        {
            throw new ArgumentException($"threshold {request.Threshold} is outside [0, 1]", nameof(request));
        }

        var buffered = new PeekableStream(input);
        var format = request.Format == KpiInputFormat.Auto ? Sniff(buffered.Peek()) : request.Format;
        var writer = new KpiAnomalyWriter(output);
        var table = new KpiSeriesTable(fileName, request, a => writer.Write(a));
        long missing;
        if (format == KpiInputFormat.Ves)
        {
            var reader = new KpiVesReader(fileName);
            reader.Read(buffered, table, cancellationToken);
            missing = reader.Missing;
        }
        else
        {
            var reader = new KpiCsvReader(fileName, request);
            reader.Read(buffered, table, cancellationToken);
            missing = reader.Missing;
        }

        return new KpiDetectionSummary(table.Rows, missing, table.Count, table.Anomalies, table.StateBytesPerSeries());
    }

    // VES bodies are JSON objects: the first byte that is not white space or a byte order mark is '{'
    private static KpiInputFormat Sniff(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = head[start..].IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && head[start + first] == '{' ? KpiInputFormat.Ves : KpiInputFormat.Csv;
    }
}
