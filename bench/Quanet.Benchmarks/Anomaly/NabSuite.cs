using System.Diagnostics;
using System.Globalization;
using Quanet.Benchmarks.Suites;
using Quanet.Operations.Anomaly;

namespace Quanet.Benchmarks.Anomaly;

/// <summary>
/// <c>nab [DIR] [--detectors a,b,...] [--only TEXT] [--threads N] [--save DIR] [--per-file FILE]</c>: runs every
/// streaming detector (the windowed Gaussian baseline included) on the NAB corpus in one run, scores each with
/// NAB's three profiles and prints a Markdown table with the chosen thresholds and the detector throughput.
/// Diagnostics: <c>--save DIR</c> writes each detector's scores to <c>DIR/NAME.scores</c> (doubles, files in
/// corpus order); a detector named <c>load:PATH</c> reads such a file instead of running; <c>--per-file FILE</c>
/// appends, per detector and file, the standard profile's raw score at the detector's standard threshold.
/// </summary>
public sealed class NabSuite : ISuite
{
    public string Name => "nab";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? directory = null;
        string? only = null;
        string? save = null;
        string? perFile = null;
        var threads = Environment.ProcessorCount;
        var detectors = new List<string>(AnomalyDetectors.Names);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--detectors":
                    detectors = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "--threads":
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    only = args[++i];
                    break;
                case "--save":
                    save = args[++i];
                    break;
                case "--per-file":
                    perFile = args[++i];
                    break;
                default:
                    directory = args[i];
                    break;
            }
        }

        directory ??= FindCorpus();
        var corpus = NabCorpus.Load(directory, only);
        var rows = 0L;
        foreach (var s in corpus.Series)
        {
            rows += s.Length;
        }

        Console.WriteLine($"NAB corpus {directory}: {corpus.Series.Count} files, {rows} rows, {corpus.WindowCount} windows; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores (shared)");
        Console.WriteLine();
        Console.WriteLine("| detector | standard | reward_low_FP_rate | reward_low_FN_rate | thresholds (std / lowFP / lowFN) | rows per CPU-s | wall s |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|");
        foreach (var name in detectors)
        {
            var scores = new double[corpus.Series.Count][];
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;

            // One series per task (each detector instance is single-threaded); throughput is reported per
            // CPU-second of the process, which a busy shared machine distorts far less than wall time.
            if (name.StartsWith("load:", StringComparison.Ordinal))
            {
                Load(name[5..], corpus.Series, scores);
            }
            else
            {
                Parallel.For(0, corpus.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
                {
                    var series = corpus.Series[s];
                    scores[s] = name switch
                    {
                        "cad-ose-lookahead" => RunLookahead(series),
                        "raw:frozen" or "raw:running" or "raw:lookahead" => RunRaw(series, name[4..]),
                        _ when name.Contains('@', StringComparison.Ordinal) => RunTieBreak(series, name),
                        _ => AnomalyDetectors.Run(name, series.Values.Span, NabScorer.ProbationLength(series.Length)),
                    };
                });
            }

            var wall = clock.Elapsed.TotalSeconds;
            var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var results = NabEvaluation.Evaluate(corpus.Series, scores, corpus.Profiles);
            if (save is not null)
            {
                Save(Path.Combine(save, name.Replace(':', '_').Replace('/', '_') + ".scores"), scores);
            }

            if (perFile is not null)
            {
                WritePerFile(perFile, name, corpus, scores, results[0].Threshold);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {results[0].NormalizedScore:F1} | {results[1].NormalizedScore:F1} | {results[2].NormalizedScore:F1} | {results[0].Threshold:G4} / {results[1].Threshold:G4} / {results[2].Threshold:G4} | {rows / seconds:N0} | {wall:F0} |"));
        }

        return 0;
    }

    private static void Save(string path, double[][] scores)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var series in scores)
        {
            foreach (var v in series)
            {
                writer.Write(v);
            }
        }
    }

    private static void Load(string path, IReadOnlyList<NabSeries> series, double[][] scores)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        for (var s = 0; s < series.Count; s++)
        {
            scores[s] = new double[series[s].Length];
            for (var i = 0; i < scores[s].Length; i++)
            {
                scores[s][i] = reader.ReadDouble();
            }
        }
    }

    private static void WritePerFile(string path, string name, NabCorpus corpus, double[][] scores, double threshold)
    {
        var profile = corpus.Profiles[0];
        using var writer = File.AppendText(path);
        for (var s = 0; s < corpus.Series.Count; s++)
        {
            var series = corpus.Series[s];
            var sweep = NabScorer.Sweep(series.Length, series.Windows, profile.Costs);
            var raw = NabScorer.ScoreSeries(sweep, scores[s], profile.Costs, threshold);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{series.Name}\t{series.Windows.Count}\t{raw:F4}"));
        }
    }

    // quanet@N / quanet-frozen@N: the detector with CAD's equally active contexts ordered by hash seed N
    // (diagnostic: how much of a score is tie-break noise).
    private static double[] RunTieBreak(NabSeries series, string name)
    {
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var seed = ulong.Parse(name[(at + 1)..], CultureInfo.InvariantCulture);
        var probation = NabScorer.ProbationLength(series.Length);
        var detector = name[..at] switch
        {
            "quanet" => new EnsembleDetector(probation, requantise: true, tieBreakSeed: seed),
            "quanet-frozen" => new EnsembleDetector(probation, freezeRangeAfter: probation, tieBreakSeed: seed),
            _ => throw new ArgumentException($"no tie-break variant of '{name[..at]}'", nameof(name)),
        };
        var values = series.Values.Span;
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        return scores;
    }

    // CAD's score before the rest-period hold (diagnostics: combination rules are tried on saved raw scores).
    private static double[] RunRaw(NabSeries series, string range)
    {
        var values = series.Values.Span;
        var probation = NabScorer.ProbationLength(series.Length);
        var detector = range switch
        {
            "frozen" => new ContextualAnomalyDetector(Math.Max(1, probation / 5), freezeRangeAfter: probation),
            "running" => new ContextualAnomalyDetector(Math.Max(1, probation / 5)),
            _ => new ContextualAnomalyDetector(Math.Max(1, probation / 5), range: MinMax(values)),
        };
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            detector.Update(values[i]);
            scores[i] = detector.LastRawScore;
        }

        return scores;
    }

    private static (double Min, double Max) MinMax(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    // NAB's own CAD OSE run: quantisation range = min and max of the whole file (look-ahead); diagnostic only.
    private static double[] RunLookahead(NabSeries series)
    {
        var values = series.Values.Span;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var detector = new ContextualAnomalyDetector(Math.Max(1, NabScorer.ProbationLength(series.Length) / 5), range: (min, max));
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        return scores;
    }

    private static string FindCorpus()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "benchmarks", "nab");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException("NAB corpus not found; pass its folder (../shared/benchmarks/nab)");
    }
}
