using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Operations.Anomaly;
using Quanet.Workflows.Operations;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops nab DIR [--detector NAME] [--json]</c>: runs a streaming anomaly detector over a
/// NAB-layout folder and scores it with NAB's rules for every profile in <c>config/profiles.json</c>.
/// </summary>
internal static class OpsNabCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir")
        {
            Description = "NAB-layout folder: data/**/*.csv, labels/combined_windows.json, config/profiles.json",
        };
        var detector = new Option<string>("--detector")
        {
            Description = $"Detector to score: {string.Join(", ", AnomalyDetectors.Names)} (default {AnomalyDetectors.Default})",
            DefaultValueFactory = _ => AnomalyDetectors.Default,
        };
        detector.AcceptOnlyFromAmong([.. AnomalyDetectors.Names]);
        var json = CommonOptions.Json();
        var command = new Command("nab", "Score a streaming anomaly detector on a Numenta Anomaly Benchmark folder (NAB scoring, three profiles)");
        command.Arguments.Add(directory);
        command.Options.Add(detector);
        command.Options.Add(json);
        CommandRunner.SetBody(command, (ctx, ct) => Run(ctx, ctx.Get(directory)!, ctx.Get(detector)!, ctx.Get(json), ct));
        return command;
    }

    private static int Run(CommandContext ctx, DirectoryInfo directory, string detector, bool json, CancellationToken ct)
    {
        var progress = json ? null : new Lines(p => ctx.Error.WriteLine($"  [{p.Done}/{p.Total}] {p.Series}"));
        var result = NabWorkflow.Run(new NabRequest { CorpusDirectory = directory.FullName, Detector = detector }, progress, ct);
        if (json)
        {
            var document = new Dictionary<string, object>(StringComparer.Ordinal);
            var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var profile in result.Profiles)
            {
                document[profile.Profile] = Math.Round(profile.NormalizedScore, 2);
                thresholds[profile.Profile] = profile.Threshold;
            }

            document["detector"] = detector;
            document["files"] = result.Files;
            document["windows"] = result.Windows;
            document["thresholds"] = thresholds;
            ctx.WriteJson(document);
            return ExitCodes.Success;
        }

        var table = new Table().Title($"NAB scores of '{detector}' on {result.Files} files, {result.Windows} windows");
        table.AddColumns("profile", "score", "threshold", "raw", "null");
        table.Caption($"score = 100 (raw - null) / (perfect - null), perfect = tp weight x {result.Windows} windows");
        foreach (var r in result.Profiles)
        {
            table.AddRow(
                r.Profile,
                F(r.NormalizedScore, "F2"),
                F(r.Threshold, "G6"),
                F(r.RawScore, "F3"),
                F(r.NullScore, "F3"));
        }

        ctx.Console.Write(table);
        return ExitCodes.Success;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Reports on the workflow's thread, so the lines come out in order (<see cref="Progress{T}"/> posts them).</summary>
    private sealed class Lines(Action<NabProgress> write) : IProgress<NabProgress>
    {
        public void Report(NabProgress value) => write(value);
    }
}
