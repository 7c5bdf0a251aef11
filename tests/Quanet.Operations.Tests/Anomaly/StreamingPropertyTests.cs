using CsCheck;
using Quanet.Operations.Anomaly;

namespace Quanet.Operations.Tests.Anomaly;

public sealed class StreamingPropertyTests
{
    // A series: a noisy daily-like wave with occasional spikes and level shifts, so that the range breaks
    // after the learning period (which is what makes the requantising detector rebuild its CAD).
    private static readonly Gen<double[]> Series =
        from length in Gen.Int[120, 320]
        from seed in Gen.Int
        select Wave(length, seed);

    private static double[] Wave(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        var level = 0.0;
        for (var i = 0; i < length; i++)
        {
            if (random.NextDouble() < 0.01)
            {
                level += (random.NextDouble() - 0.5) * 40;
            }

            values[i] = level + (5 * Math.Sin(2 * Math.PI * i / 24)) + random.NextDouble()
                + (random.NextDouble() < 0.02 ? (random.NextDouble() - 0.3) * 80 : 0);
        }

        return values;
    }

    public static TheoryData<string> Detectors()
    {
        var data = new TheoryData<string>();
        foreach (var name in AnomalyDetectors.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void The_score_of_a_row_does_not_change_when_later_rows_change(string name)
    {
        var gen = from values in Series
                  from cut in Gen.Int[1, values.Length - 1]
                  from later in Gen.Double[-200, 200].Array[values.Length - cut]
                  select (values, cut, later);
        gen.Sample(c =>
        {
            var learning = NabScorer.ProbationLength(c.values.Length);
            var changed = (double[])c.values.Clone();
            c.later.CopyTo(changed, c.cut);

            var original = AnomalyDetectors.Run(name, c.values, learning);
            var altered = AnomalyDetectors.Run(name, changed, learning);

            Assert.Equal(original.AsSpan(0, c.cut).ToArray(), altered.AsSpan(0, c.cut).ToArray());
        }, iter: 25);
    }
}
