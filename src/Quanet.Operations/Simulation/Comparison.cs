namespace Quanet.Operations.Simulation;

/// <summary>A figure for the baseline NOC and for Quanet, with the change in percent.</summary>
/// <param name="Baseline">Baseline value.</param>
/// <param name="Quanet">Quanet value.</param>
public sealed record Comparison(double Baseline, double Quanet)
{
    /// <summary>(Quanet - Baseline) / Baseline x 100; 0 when the baseline is 0.</summary>
    public double ChangePercent => Baseline == 0 ? 0 : Math.Round(100 * (Quanet - Baseline) / Baseline, 1);
}
