using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Anomaly;

/// <summary>Reads a NAB data file: a <c>timestamp,value</c> header, then one row per line.</summary>
internal static class NabCsvReader
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses a timestamp as NAB writes them (<c>2014-07-01 00:30:00</c>, optional fraction).</summary>
    public static bool TryParseTimestamp(string text, out DateTime timestamp) =>
        DateTime.TryParseExact(text.Trim(), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InputFormatException"/> naming the line on any problem.</summary>
    public static (DateTime[] Timestamps, double[] Values) Read(string path)
    {
        using var reader = FormatLimits.Default.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>Reads NAB data from <paramref name="reader"/>; <paramref name="path"/> names it in errors.</summary>
    public static (DateTime[] Timestamps, double[] Values) Read(TextReader reader, string path)
    {
        var timestamps = new List<DateTime>();
        var values = new List<double>();
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new InputFormatException(path, 1, "empty file, expected the header 'timestamp,value'");
        }

        var columns = header.Split(',');
        var timeColumn = Array.FindIndex(columns, c => c.Trim().Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        var valueColumn = Array.FindIndex(columns, c => c.Trim().Equals("value", StringComparison.OrdinalIgnoreCase));
        if (timeColumn < 0 || valueColumn < 0)
        {
            throw new InputFormatException(path, 1, $"expected the header 'timestamp,value', found '{Printable.Escape(header)}'");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length != columns.Length)
            {
                throw new InputFormatException(path, line, $"expected {columns.Length} comma-separated fields, found {fields.Length}");
            }

            if (!TryParseTimestamp(fields[timeColumn], out var timestamp))
            {
                throw new InputFormatException(path, line, $"bad timestamp '{Printable.Escape(fields[timeColumn])}', expected yyyy-MM-dd HH:mm:ss");
            }

            if (!double.TryParse(fields[valueColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InputFormatException(path, line, $"bad value '{Printable.Escape(fields[valueColumn])}', expected a finite number");
            }

            timestamps.Add(timestamp);
            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new InputFormatException(path, line, "no data rows");
        }

        return (timestamps.ToArray(), values.ToArray());
    }
}
