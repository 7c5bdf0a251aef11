namespace Quanet.Planning.Placement;

/// <summary>
/// CP-SAT works on integers. Values that are already integers (populations, whole costs) are used
/// exactly with scale 1. Otherwise they are multiplied by the smallest power of ten up to 10^6 that makes
/// them integral, or by 10^6 and rounded; <see cref="Exact"/> then tells whether rounding happened and
/// <see cref="RoundingError"/> bounds, in original units, how far any sum of the values can move.
/// The scale is also capped so that the sum of all scaled values stays below 2^53.
/// </summary>
internal sealed class IntegerScaling
{
    private const double MaxTotal = 9.0e15;

    private IntegerScaling(double scale, long[] scaled, bool exact, double error)
    {
        Scale = scale;
        Scaled = scaled;
        Exact = exact;
        RoundingError = error;
    }

    /// <summary>The factor applied to the original values.</summary>
    public double Scale { get; }

    /// <summary>The scaled, rounded values.</summary>
    public long[] Scaled { get; }

    /// <summary>Whether every value was scaled without rounding.</summary>
    public bool Exact { get; }

    /// <summary>Sum of |scaled - value x scale| / scale over all values.</summary>
    public double RoundingError { get; }

    /// <summary>Scales <paramref name="values"/> (non-negative or signed, finite).</summary>
    public static IntegerScaling Of(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += Math.Abs(v);
        }

        var cap = total > 0 ? MaxTotal / total : 1e6;
        var scale = 1.0;
        for (var k = 0; k <= 6 && scale <= cap; k++, scale *= 10)
        {
            if (IsIntegral(values, scale))
            {
                return Build(values, scale);
            }
        }

        return Build(values, Math.Min(1e6, Math.Max(1.0, Math.Pow(10, Math.Floor(Math.Log10(Math.Max(cap, 1.0)))))));
    }

    private static bool IsIntegral(ReadOnlySpan<double> values, double scale)
    {
        foreach (var v in values)
        {
            var s = v * scale;
            if (Math.Abs(s - Math.Round(s)) > 1e-9 * Math.Max(1.0, Math.Abs(s)))
            {
                return false;
            }
        }

        return true;
    }

    private static IntegerScaling Build(ReadOnlySpan<double> values, double scale)
    {
        var scaled = new long[values.Length];
        var error = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            var s = values[k] * scale;
            scaled[k] = (long)Math.Round(s);
            error += Math.Abs(scaled[k] - s);
        }

        // below 1e-9 relative the difference is floating-point noise in the input, not rounding
        var exact = error <= 1e-9 * Math.Max(1.0, values.Length);
        return new IntegerScaling(scale, scaled, exact, exact ? 0.0 : error / scale);
    }
}
