namespace Quanet.Operations.Anomaly;

/// <summary>Normal-distribution helpers.</summary>
internal static class Gaussian
{
    /// <summary>
    /// The Q-function <c>Q(z) = P(Z &gt; z) = erfc(z / sqrt 2) / 2</c> for a standard normal Z.
    /// </summary>
    public static double TailProbability(double z) => 0.5 * Erfc(z / Math.Sqrt(2.0));

    /// <summary>Complementary error function, fractional error below 1.2e-7 everywhere.</summary>
    public static double Erfc(double x)
    {
        // Numerical Recipes (2007) section 6.2: erfc(x) = t exp(-z^2 + P(t)), t = 1 / (1 + z/2), fractional error < 1.2e-7.
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418
            + (t * (-0.18628806 + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587
            + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2.0 - r;
    }
}
