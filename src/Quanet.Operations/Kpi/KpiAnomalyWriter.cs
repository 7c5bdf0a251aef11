using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Quanet.Operations.Kpi;

/// <summary>
/// Writes anomalies as NDJSON, one object per line, flushed line by line so a pipe sees each as it is
/// found: <c>{"series","time","score","value","expected","window":{"start","end"}}</c>. <c>time</c> is the
/// input's own text; the window's ends are ISO 8601 on the series' clock (no offset); <c>expected</c> is
/// left out when the detector has no baseline.
/// </summary>
internal sealed class KpiAnomalyWriter(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>Writes one anomaly line.</summary>
    public void Write(in KpiAnomaly anomaly)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            json.WriteString("series", anomaly.Series);
            json.WriteString("time", anomaly.Time);
            json.WriteNumber("score", Math.Round(anomaly.Score, 4));
            json.WriteNumber("value", anomaly.Value);
            if (double.IsFinite(anomaly.Expected))
            {
                json.WriteNumber("expected", Math.Round(anomaly.Expected, 6));
            }

            json.WriteStartObject("window");
            json.WriteString("start", Iso(anomaly.WindowStart));
            json.WriteString("end", Iso(anomaly.WindowEnd));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Flush();
    }

    private static string Iso(long wallSeconds) =>
        DateTime.UnixEpoch.AddSeconds(wallSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
