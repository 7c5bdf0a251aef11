namespace Quanet.Operations.Kpi.Synthetic;

/// <summary>
/// Synthetic cell traffic with known degradations, for measuring a KPI detector: per cell a level
/// (log-normal, 20-2000 units), a daily profile (night minimum near 04:00 at about 12 % of the busy hour,
/// a midday and an evening peak around 20:00), weekends at 75-95 % with a later morning rise, a slow random
/// walk of the level (0.5 % a day), and noise of 3-8 % of the value plus a Poisson-like term. A quarter of
/// the series stay clean; the others get one <see cref="DegradationKind"/> starting at a random
/// 15-minute slot between day 15 and day <c>days - 2</c>.
/// </summary>
internal static class CellTrafficGenerator
{
    /// <summary>Seconds between values.</summary>
    public const int IntervalSeconds = 900;

    /// <summary>Values per day.</summary>
    public const int PerDay = 96;

    // 2024-01-01 00:00 was a Monday
    private const long Monday = 1_704_067_200;

    /// <summary>Generates <paramref name="count"/> series of <paramref name="days"/> days from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 18.</exception>
    public static SyntheticKpiSeries[] Generate(int count, int days, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 18);
        var random = new Random(seed);
        var series = new SyntheticKpiSeries[count];
        for (var i = 0; i < count; i++)
        {
            series[i] = One(random, days, (DegradationKind)(i % 4));
        }

        return series;
    }

    /// <summary>One clean series of <paramref name="days"/> days (any length; for throughput runs).</summary>
    public static SyntheticKpiSeries Clean(Random random, int days)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return One(random, days, DegradationKind.None);
    }

    private static SyntheticKpiSeries One(Random random, int days, DegradationKind kind)
    {
        var length = days * PerDay;
        var times = new long[length];
        var values = new double[length];
        var level = 20 * Math.Exp(random.NextDouble() * Math.Log(100));
        var noise = 0.03 + (0.05 * random.NextDouble());
        var weekend = 0.75 + (0.2 * random.NextDouble());
        var phase = (random.NextDouble() - 0.5) * 1.0;
        var start = kind == DegradationKind.None ? -1 : (15 * PerDay) + random.Next((days - 17) * PerDay);
        var (end, depth, ramp) = kind switch
        {
            DegradationKind.Drop => (start + (8 * (1 + random.Next(6))) - 1, 0.3 * random.NextDouble(), 0),
            DegradationKind.LevelShift => (length - 1, 1 + ((random.Next(2) == 0 ? -1 : 1) * (0.2 + (0.25 * random.NextDouble()))), 0),
            DegradationKind.SlowDegradation => (length - 1, 0.4 + (0.3 * random.NextDouble()), 24 + random.Next(73)),
            _ => (-1, 1.0, 0),
        };
        for (var t = 0; t < length; t++)
        {
            times[t] = Monday + ((long)t * IntervalSeconds);
            var day = t / PerDay;
            var hour = (t % PerDay) / 4.0;
            var isWeekend = day % 7 >= 5;
            var shape = Profile(hour + phase - (isWeekend ? 1.5 : 0.0)) * (isWeekend ? weekend : 1.0);
            if (t % PerDay == 0)
            {
                level *= 1 + (0.005 * Normal(random));
            }

            var expected = level * shape * Factor(t, start, end, depth, ramp, kind);
            var value = expected * (1 + (noise * Normal(random))) + (0.5 * Math.Sqrt(expected) * Normal(random));
            values[t] = Math.Max(0.0, value);
        }

        return new SyntheticKpiSeries(times, values, kind, start, end);
    }

    private static double Factor(int t, int start, int end, double depth, int ramp, DegradationKind kind)
    {
        if (kind == DegradationKind.None || t < start || t > end)
        {
            return 1.0;
        }

        return kind == DegradationKind.SlowDegradation
            ? 1.0 - ((1.0 - depth) * Math.Min(1.0, (t - start + 1) / (double)ramp))
            : depth;
    }

    // busy hour 1.0 near 20:00, a midday peak near 0.85, night minimum near 0.12 at 04:00
    private static double Profile(double hour)
    {
        var h = ((hour % 24) + 24) % 24;
        var night = 0.12;
        var midday = 0.73 * Math.Exp(-Math.Pow((h - 12.5) / 3.0, 2));
        var evening = 0.88 * Math.Exp(-Math.Pow((h - 20.0) / 2.5, 2));
        var morning = 0.45 * Math.Exp(-Math.Pow((h - 9.0) / 2.0, 2));
        return night + midday + evening + morning;
    }

    private static double Normal(Random random)
    {
        // Box-Muller; 1 - u keeps the logarithm finite
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
