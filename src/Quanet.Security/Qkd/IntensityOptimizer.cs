namespace Quanet.Security.Qkd;

/// <summary>
/// Maximises a key rate over the signal intensity: a logarithmic scan finds the peak's bracket
/// (the optimum spans 1e-3 without decoys to 0.5 with them), golden-section search refines it.
/// </summary>
internal static class IntensityOptimizer
{
    private const int ScanPoints = 96;
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    public static double Maximise(Func<double, double> rate, double low, double high)
    {
        var logLow = Math.Log(low);
        var step = (Math.Log(high) - logLow) / (ScanPoints - 1);
        var bestIndex = 0;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < ScanPoints; i++)
        {
            var value = rate(Math.Exp(logLow + (i * step)));
            if (value > bestValue)
            {
                bestValue = value;
                bestIndex = i;
            }
        }

        var a = logLow + (Math.Max(0, bestIndex - 1) * step);
        var b = logLow + (Math.Min(ScanPoints - 1, bestIndex + 1) * step);
        var c = b - (InverseGolden * (b - a));
        var d = a + (InverseGolden * (b - a));
        var fc = rate(Math.Exp(c));
        var fd = rate(Math.Exp(d));
        for (var iteration = 0; iteration < 60 && b - a > 1e-10; iteration++)
        {
            if (fc > fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (InverseGolden * (b - a));
                fc = rate(Math.Exp(c));
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (InverseGolden * (b - a));
                fd = rate(Math.Exp(d));
            }
        }

        var refined = Math.Exp(0.5 * (a + b));
        return rate(refined) >= bestValue ? refined : Math.Exp(logLow + (bestIndex * step));
    }
}
