using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core.Text;
using Quanet.Operations.Kpi;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops detect FILE|- --time-column T --series-column S --value-column V [--detector NAME] [--threshold X]</c>:
/// streaming anomaly detection on an operator's KPIs (CSV or NDJSON of VES measurement events), one NDJSON
/// line per anomaly on stdout as it is found, and one summary line on stderr at the end.
/// </summary>
internal static class OpsDetectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV with a header row, or NDJSON of VES 7 bodies; - reads standard input" };
        file.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } path && path != "-" && !File.Exists(path))
            {
                r.AddError($"file not found: {Printable.Escape(Path.GetFullPath(path), 500)}");
            }
        });
        var time = Column("--time-column", "time", "the time: ISO 8601 (2024-06-01T00:15:00Z) or Unix seconds");
        var series = Column("--series-column", "series", "the series key, e.g. cell/kpi: one detector per key");
        var value = Column("--value-column", "value", "the value; an empty field or NaN is a missing value");
        var detector = new Option<string>("--detector")
        {
            Description = $"Detector per series: {string.Join(", ", KpiDetectors.Names)} (default {KpiDetectors.Default}: daily and weekly seasonality, level shifts)",
            DefaultValueFactory = _ => KpiDetectors.Default,
        };
        detector.AcceptOnlyFromAmong([.. KpiDetectors.Names]);
        var threshold = new Option<double>("--threshold")
        {
            Description = "Report values whose anomaly score is at least this (default 0.5)",
            DefaultValueFactory = _ => 0.5,
        }.MustBeIn("[0, 1]", v => v is >= 0 and <= 1);
        var format = new Option<string>("--format")
        {
            Description = "Input format: auto (VES when the input starts with '{'), csv or ves (default auto)",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "csv", "ves");
        var command = new Command("detect", "Detect anomalies in KPI series (CSV or VES), streaming: NDJSON of anomalies on stdout as they are found");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { time, series, value, detector, threshold, format })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, (ctx, ct) =>
        {
            var path = ctx.Get(file)!;
            var request = new KpiDetectionRequest
            {
                TimeColumn = ctx.Get(time)!,
                SeriesColumn = ctx.Get(series)!,
                ValueColumn = ctx.Get(value)!,
                Detector = ctx.Get(detector)!,
                Threshold = ctx.Get(threshold),
                Format = Enum.Parse<KpiInputFormat>(ctx.Get(format)!, ignoreCase: true),
            };
            using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            var summary = KpiDetection.Run(input, path == "-" ? "stdin" : path, request, ctx.Output, ct);
            ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Rows:N0} values of {summary.Series:N0} series ({summary.Missing:N0} missing), {summary.Anomalies:N0} anomalies; detector {request.Detector}, threshold {request.Threshold}{State(summary)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> Column(string name, string fallback, string what) => new(name)
    {
        Description = $"CSV column of {what} (default {fallback})",
        DefaultValueFactory = _ => fallback,
    };

    private static string State(KpiDetectionSummary summary) => summary.StateBytesPerSeries > 0
        ? string.Create(CultureInfo.InvariantCulture, $", {summary.StateBytesPerSeries:N0} bytes of detector state per series")
        : "";
}
