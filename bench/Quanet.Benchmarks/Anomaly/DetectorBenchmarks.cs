using BenchmarkDotNet.Attributes;
using Quanet.Operations.Anomaly;

namespace Quanet.Benchmarks.Anomaly;

/// <summary>
/// Streaming detector cost on a seeded synthetic KPI (daily cycle, noise, one level shift), 4,032 rows
/// (two weeks of 5-minute samples, the length of NAB's artificial files).
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private double[] _values = [];

    [Params("quanet", "likelihood", "windowed-gaussian")]
    public string Detector { get; set; } = "quanet";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = new double[4032];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = 50 + (20 * Math.Sin(2 * Math.PI * i / 288)) + (5 * random.NextDouble()) + (i > 3000 ? 15 : 0);
        }
    }

    [Benchmark]
    public double[] Score() => AnomalyDetectors.Run(Detector, _values, NabScorer.ProbationLength(_values.Length));
}
