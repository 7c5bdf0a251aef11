namespace Quanet.Optimization.Qaoa;

/// <summary>Optimised QAOA angles: layer l applies exp(-i gamma_l H) then exp(-i beta_l sum X).</summary>
/// <param name="Gammas">Phase-separator angles, one per layer.</param>
/// <param name="Betas">Mixer angles, one per layer.</param>
/// <param name="Expectation">The cost expectation &lt;H&gt; of the prepared state.</param>
/// <param name="MinimumCost">The exact minimum of H (known from the diagonal).</param>
/// <param name="Evaluations">Circuit simulations spent on the optimisation.</param>
public sealed record QaoaAngles(double[] Gammas, double[] Betas, double Expectation, double MinimumCost, int Evaluations)
{
    /// <summary>Circuit depth p.</summary>
    public int Depth => Gammas.Length;

    /// <summary>
    /// INTERP initial angles for depth p + 1 from optimised depth-p angles (Zhou, Wang, Choi, Pichler and
    /// Lukin 2020, PRX 10, 021067, eq. B1): x'_i = (i-1)/p x_{i-1} + (p-i+1)/p x_i for i = 1..p+1, x_0 = x_{p+1} = 0.
    /// </summary>
    public static double[] Interpolate(ReadOnlySpan<double> angles)
    {
        var p = angles.Length;
        var next = new double[p + 1];
        for (var i = 1; i <= p + 1; i++)
        {
            var previous = i - 1 >= 1 ? angles[i - 2] : 0.0;
            var current = i <= p ? angles[i - 1] : 0.0;
            next[i - 1] = ((double)(i - 1) / p * previous) + ((double)(p - i + 1) / p * current);
        }

        return next;
    }
}
