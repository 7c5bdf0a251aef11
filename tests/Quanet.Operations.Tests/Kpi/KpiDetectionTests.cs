using System.Globalization;
using System.Text;
using System.Text.Json;
using Quanet.Core;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Kpi;

namespace Quanet.Operations.Tests.Kpi;

public sealed class KpiDetectionTests
{
    // 2024-01-01 00:00 UTC, a Monday
    private const long Monday = 1_704_067_200;

    // three weeks of hourly traffic of two cells, interleaved by time; cell b drops to a fifth at hour 470
    private static string Csv(Func<long, string> time, int dropAt = 470)
    {
        var text = new StringBuilder("time,series,value\n");
        for (var h = 0; h < 21 * 24; h++)
        {
            var shape = 20 + (80 * Math.Exp(-Math.Pow(((h % 24) - 19) / 4.0, 2)));
            var noise = 1 + (0.03 * Math.Sin(h * 12.9898));
            text.Append(CultureInfo.InvariantCulture, $"{time(Monday + (h * 3600L))},cell-a/traffic,{shape * noise:F2}\n");
            var b = shape * noise * (h >= dropAt && h < dropAt + 6 ? 0.2 : 1.0);
            text.Append(CultureInfo.InvariantCulture, $"{time(Monday + (h * 3600L))},cell-b/traffic,{b:F2}\n");
        }

        return text.ToString();
    }

    private static string Iso(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static (KpiDetectionSummary Summary, string[] Lines) Run(string input, KpiDetectionRequest? request = null)
    {
        using var output = new StringWriter();
        var summary = KpiDetection.Run(new MemoryStream(Encoding.UTF8.GetBytes(input)), "kpi.csv", request ?? new KpiDetectionRequest(), output);
        return (summary, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Reports_the_drop_of_one_cell_among_interleaved_series()
    {
        var (summary, lines) = Run(Csv(Iso));

        Assert.Equal(2 * 21 * 24, summary.Rows);
        Assert.Equal(2, summary.Series);
        Assert.NotEmpty(lines);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("cell-b/traffic", root.GetProperty("series").GetString());
        Assert.Equal(Iso(Monday + (470 * 3600L)), root.GetProperty("time").GetString());
        Assert.True(root.GetProperty("score").GetDouble() >= 0.5);
        Assert.True(root.GetProperty("expected").GetDouble() > 3 * root.GetProperty("value").GetDouble());
        Assert.Equal("2024-01-20T14:00:00", root.GetProperty("window").GetProperty("end").GetString());
        Assert.All(lines, l => Assert.Contains("\"cell-b/traffic\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Unix_seconds_give_the_same_anomalies_with_the_time_as_written()
    {
        var (_, iso) = Run(Csv(Iso));
        var (_, unix) = Run(Csv(s => s.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(iso.Length, unix.Length);
        using var first = JsonDocument.Parse(unix[0]);
        Assert.Equal((Monday + (470 * 3600L)).ToString(CultureInfo.InvariantCulture), first.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_quoted_keys_may_hold_commas()
    {
        var csv = "\"value\",region,\"cell, sector\",ts\n1.5,north,\"a,1\",2024-01-01T00:00:00Z\n,north,\"a,1\",2024-01-01T01:00:00Z\n2.5,north,\"b \"\"x\"\"\",2024-01-01T00:00:00Z\n";

        var (summary, _) = Run(csv, new KpiDetectionRequest { TimeColumn = "ts", SeriesColumn = "cell, sector", ValueColumn = "VALUE" });

        Assert.Equal(2, summary.Rows);
        Assert.Equal(1, summary.Missing);
        Assert.Equal(2, summary.Series);
    }

    [Theory]
    [InlineData("ts,series,value\n", "kpi.csv:1: no column 'time' in the header (name it with --time-column); the columns are: ts, series, value")]
    [InlineData("time,series,value\n2024-01-01T00:00:00Z,a,12x\n", "kpi.csv:2: bad value '12x' in column 'value', expected a finite number (an empty field or NaN is a missing value)")]
    [InlineData("time,series,value\n2024-01-01T00:00:00Z,a,1\n2024-01-32T00:00:00Z,a,1\n", "kpi.csv:3: bad time '2024-01-32T00:00:00Z' in column 'time', expected ISO 8601 (2024-06-01T00:15:00Z) or Unix seconds")]
    [InlineData("time,series,value\n2024-01-01T00:00:00Z,a\n", "kpi.csv:2: expected 3 comma-separated fields as in the header, found 2")]
    [InlineData("time,series,value\n2024-01-01T01:00:00Z,a,1\n2024-01-01T00:00:00Z,a,1\n", "kpi.csv:3: time '2024-01-01T00:00:00Z' of series 'a' is not after the series' previous time; each series must be in time order")]
    [InlineData("time,series,value\n2024-01-01T00:00:00Z,\"a,1\n", "kpi.csv:2: a quoted field has no closing quote (a field may not span lines)")]
    [InlineData("time,series,value\n2024-01-01T00:00:00Z, ,1\n", "kpi.csv:2: empty series key in column 'series'")]
    [InlineData("", "kpi.csv:1: no header row, expected one naming the columns 'time', 'series' and 'value'")]
    public void Malformed_csv_is_one_line_naming_file_and_line(string csv, string message)
    {
        var ex = Assert.Throws<InputFormatException>(() => Run(csv));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Allocates_nothing_per_value_once_the_series_are_known()
    {
        // the same 50 series for one day and for three days: the extra two days of values allocate nothing
        static byte[] Input(int days)
        {
            var text = new StringBuilder("time,series,value\n");
            for (var t = 0; t < days * 96; t++)
            {
                for (var s = 0; s < 50; s++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{Iso(Monday + (t * 900L))},cell{s:D4}/traffic,{10 + s + (t % 96):F2}\n");
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        static long Allocated(byte[] input)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            KpiDetection.Run(new MemoryStream(input), "kpi.csv", new KpiDetectionRequest { Threshold = 1.0 }, TextWriter.Null);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var one = Input(1);
        var three = Input(3);
        Allocated(one);

        var perValue = (Allocated(three) - Allocated(one)) / (double)(2 * 96 * 50);

        Assert.True(perValue < 1.0, $"{perValue:F2} bytes allocated per value");
    }

    [Fact]
    public void Too_many_series_is_refused_with_the_limit()
    {
        var request = new KpiDetectionRequest { Limits = FormatLimits.Default with { MaxVariables = 2 } };

        var ex = Assert.Throws<InputFormatException>(() => Run("time,series,value\n1,a,1\n1,b,1\n1,c,1\n", request));

        Assert.Equal("kpi.csv:4: 3 series is over the limit of 2 (FormatLimits.MaxVariables)", ex.Message);
    }

    [Fact]
    public void Reads_ves_measurement_events_and_finds_the_drop()
    {
        var text = new StringBuilder();
        for (var h = 0; h < 21 * 24; h++)
        {
            var shape = 20 + (80 * Math.Exp(-Math.Pow(((h % 24) - 19) / 4.0, 2)));
            var value = shape * (1 + (0.03 * Math.Sin(h * 12.9898))) * (h is >= 470 and < 476 ? 0.2 : 1.0);
            var micros = (Monday + (h * 3600L)) * 1_000_000L;
            text.Append(VesEventWriter.ToJson(KpiEvents.Measurement("gnb-7", micros, new VesMeasurement("cell-1", "dl_volume", value)))).Append('\n');
            text.Append(VesEventWriter.ToJson(TestEvents.Fault("gnb-7", "LINK_DOWN", VesSeverity.Major, micros))).Append('\n');
        }

        var (summary, lines) = Run(text.ToString());

        Assert.Equal(21 * 24, summary.Rows);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("gnb-7/cell-1/dl_volume", first.RootElement.GetProperty("series").GetString());
        Assert.Equal(((Monday + (470 * 3600L)) * 1_000_000L).ToString(CultureInfo.InvariantCulture), first.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public void Invalid_ves_line_names_the_line()
    {
        var body = VesEventWriter.ToJson(KpiEvents.Measurement("gnb-7", 1_700_000_000_000_000, new VesMeasurement("c", "k", 1)));

        var ex = Assert.Throws<InputFormatException>(() => Run(body + "\n\n{\"event\":{}}\n"));

        Assert.StartsWith("kpi.csv:3: ", ex.Message, StringComparison.Ordinal);
    }
}
