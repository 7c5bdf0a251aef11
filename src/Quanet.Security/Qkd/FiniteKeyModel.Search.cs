namespace Quanet.Security.Qkd;

public static partial class FiniteKeyModel
{
    private const int Samples = 1500;
    private const int RateStarts = 3;
    private const int LengthStarts = 3;

    private const double MinimumGap = 1e-3;
    private const double MaximumDecoy = 0.5;
    private const double MaximumSignal = 1.5;

    // The settings (in the unbounded coordinates of Optimal's Decode) that maximise the rate. Two searches share one
    // seeded random sample: Nelder-Mead on the rate from the sample's best points, and Nelder-Mead on the key length
    // l from the points with the longest keys, whose optimum then starts one more rate search. Near the maximum
    // distance only a small q_x gives any key (the Z basis needs many detections to bound the phase errors); there
    // the rate is 0 almost everywhere and its searches get stuck, while l still tells the way.
    private static double[] Search(Func<double[], FiniteKeyResult> bound, double blockSize)
    {
        var perBlock = double.IsPositiveInfinity(blockSize) ? 1 : blockSize;

        // a negative length is scored per block detection, not per pulse: otherwise N -> infinity would make it 0
        double Rate(FiniteKeyResult r) => Finite(r.KeyLength > 0 ? r.RatePerPulse : r.RelaxedLength / perBlock);
        double Length(FiniteKeyResult r) => Finite(r.RelaxedLength / perBlock);

        var sample = Sample(bound, Rate, Length);
        var starts = sample.ByRate;
        if (!double.IsPositiveInfinity(blockSize))
        {
            var longest = Climb(v => Length(bound(v)), sample.ByLength);
            starts = [.. starts, longest];
        }

        return Climb(v => Rate(bound(v)), starts);
    }

    private static double Finite(double score) => double.IsFinite(score) ? -score : double.MaxValue;

    // Nelder-Mead from every start, each followed by a restart from its optimum (which escapes a collapsed simplex)
    private static double[] Climb(Func<double[], double> objective, IEnumerable<double[]> starts)
    {
        double[]? best = null;
        var bestValue = double.MaxValue;
        foreach (var start in starts)
        {
            var (point, _) = NelderMead.Minimise(objective, start, 0.5, 3000, 1e-10);
            (point, var value) = NelderMead.Minimise(objective, point, 0.2, 2000, 1e-12);
            if (best is null || value < bestValue)
            {
                (best, bestValue) = (point, value);
            }
        }

        return best!;
    }

    // a seeded random sample of the settings; the best points by rate and by key length start the searches
    private static (List<double[]> ByRate, List<double[]> ByLength) Sample(
        Func<double[], FiniteKeyResult> bound, Func<FiniteKeyResult, double> rate, Func<FiniteKeyResult, double> length)
    {
        double[] low = [-4, -5, -4, -4, -3];
        double[] high = [3, 3, 4, 4, 6];
        var random = new Random(20140210);
        var points = new List<(double Rate, double Length, double[] Point)>(Samples + 1);
        void Add(double[] v)
        {
            var r = bound(v);
            points.Add((rate(r), length(r), v));
        }

        Add([-1.5, -1.5, 1.5, 0.5, 2.5]);
        for (var i = 0; i < Samples; i++)
        {
            var v = new double[5];
            for (var d = 0; d < 5; d++)
            {
                v[d] = low[d] + ((high[d] - low[d]) * random.NextDouble());
            }

            Add(v);
        }

        points.Sort((a, b) => a.Rate.CompareTo(b.Rate));
        var byRate = points.Take(RateStarts).Select(p => p.Point).ToList();
        points.Sort((a, b) => a.Length.CompareTo(b.Length));
        return (byRate, points.Take(LengthStarts).Select(p => p.Point).ToList());
    }
}
