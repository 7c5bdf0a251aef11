using System.Diagnostics;
using System.Globalization;
using System.Text;
using Quanet.Benchmarks.Suites;
using Quanet.Operations.Kpi;
using Quanet.Operations.Kpi.Synthetic;

namespace Quanet.Benchmarks.Kpi;

/// <summary>
/// <c>kpi csv OUT [--series N] [--days D] [--seed S]</c>: writes synthetic 15-minute cell traffic as the CSV
/// <c>time,series,value</c>, interleaved by time as an export is (the throughput input of <c>quanet ops detect</c>).
/// <c>kpi degradations [--series N] [--days D] [--seed S] [--thresholds a,b,...]</c>: the synthetic degradation
/// set through the seasonal detector, a Markdown table of median delay and false alarms per 100 series-days per
/// threshold. <c>kpi memory [--series N]</c>: managed bytes per series after one day of values.
/// </summary>
public sealed class KpiSuite : ISuite
{
    public string Name => "kpi";

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: kpi csv OUT | degradations | memory [--series N] [--days D] [--seed S] [--thresholds a,b]");
            return 2;
        }

        int series = 10_000, days = 28, seed = 2026;
        double[] thresholds = [0.4, 0.45, 0.5, 0.55, 0.6];
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--series": series = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--thresholds": thresholds = [.. args[++i].Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture))]; break;
                default: break;
            }
        }

        return args[0] switch
        {
            "csv" => WriteCsv(args[1], series, days, seed),
            "degradations" => Degradations(series, days, seed, thresholds),
            "memory" => Memory(series),
            _ => 2,
        };
    }

    private static int WriteCsv(string path, int count, int days, int seed)
    {
        var random = new Random(seed);
        var all = new SyntheticKpiSeries[count];
        for (var s = 0; s < count; s++)
        {
            all[s] = CellTrafficGenerator.Clean(random, days);
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("time,series,value\n");
        for (var t = 0; t < days * CellTrafficGenerator.PerDay; t++)
        {
            var time = DateTime.UnixEpoch.AddSeconds(all[0].Times[t]).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            for (var s = 0; s < count; s++)
            {
                writer.Write(time);
                writer.Write(",cell");
                writer.Write(s.ToString("D6", CultureInfo.InvariantCulture));
                writer.Write("/traffic,");
                writer.Write(all[s].Values[t].ToString("F3", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }

        Console.WriteLine($"{path}: {count} series x {days * CellTrafficGenerator.PerDay} values");
        return 0;
    }

    private static int Degradations(int count, int days, int seed, double[] thresholds)
    {
        var set = CellTrafficGenerator.Generate(count, days, seed);
        Console.WriteLine($"{count} series x {days} days (seed {seed}); {set.Count(s => s.Kind != DegradationKind.None)} degradations");
        Console.WriteLine();
        Console.WriteLine("| threshold | detected | median delay | drop | level shift | slow degradation | false alarms | per 100 series-days | s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var threshold in thresholds)
        {
            var clock = Stopwatch.StartNew();
            var score = DegradationScorer.Score(set, () => new SeasonalKpiDetector(), threshold, SeasonalKpiOptions.Default.LearningDays);
            var k = score.MedianDelayByKind;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {threshold} | {score.Detected}/{score.Degradations} | {score.MedianDelay} | {k[DegradationKind.Drop]} | {k[DegradationKind.LevelShift]} | {k[DegradationKind.SlowDegradation]} | {score.FalseAlarms} | {score.FalseAlarmsPer100SeriesDays:F2} | {clock.Elapsed.TotalSeconds:F1} |"));
        }

        return 0;
    }

    private static int Memory(int count)
    {
        var random = new Random(1);
        var series = CellTrafficGenerator.Clean(random, 1);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var detectors = new SeasonalKpiDetector[count];
        for (var s = 0; s < count; s++)
        {
            detectors[s] = new SeasonalKpiDetector();
            for (var t = 0; t < series.Values.Length; t++)
            {
                detectors[s].Update(series.Times[t], series.Values[t]);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} seasonal detectors after one day: {(after - before) / (double)count:F0} managed bytes per series (StateBytes says {detectors[0].StateBytes})"));
        GC.KeepAlive(detectors);
        return 0;
    }
}
