using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Operations.Anomaly;
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
        var corpus = NabCorpus.Load(directory.FullName);
        if (corpus.Series.Count == 0)
        {
            throw new Quanet.Core.QuanetException($"{directory.FullName}: the labels name no data files");
        }

        var scores = new double[corpus.Series.Count][];
        for (var s = 0; s < corpus.Series.Count; s++)
        {
            ct.ThrowIfCancellationRequested();
            var series = corpus.Series[s];
            scores[s] = AnomalyDetectors.Run(detector, series.Values.Span, NabScorer.ProbationLength(series.Length));
            if (!json)
            {
                ctx.Error.WriteLine($"  [{s + 1}/{corpus.Series.Count}] {series.Name}");
            }
        }

        var results = NabEvaluation.Evaluate(corpus.Series, scores, corpus.Profiles);
        if (json)
        {
            var document = new Dictionary<string, object>(StringComparer.Ordinal);
            var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                document[result.Profile] = Math.Round(result.NormalizedScore, 2);
                thresholds[result.Profile] = result.Threshold;
            }

            document["detector"] = detector;
            document["files"] = corpus.Series.Count;
            document["windows"] = corpus.WindowCount;
            document["thresholds"] = thresholds;
            ctx.WriteJson(document);
            return ExitCodes.Success;
        }

        var table = new Table().Title($"NAB scores of '{detector}' on {corpus.Series.Count} files, {corpus.WindowCount} windows");
        table.AddColumns("profile", "score", "threshold", "raw", "null");
        table.Caption($"score = 100 (raw - null) / (perfect - null), perfect = tp weight x {corpus.WindowCount} windows");
        foreach (var r in results)
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
}
