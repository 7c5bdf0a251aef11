namespace Quanet.Planning.Capacity;

/// <summary>
/// The attenuated, truncated Shannon bound of 3GPP TR 36.942 Annex A.2 (the form Mogensen et al., "LTE capacity
/// compared to the Shannon bound", VTC 2007, fit to LTE link curves): SE = min(SE_max, alpha log2(1 + SINR)) with
/// alpha = 0.6 (TR 36.942's downlink value), the floor and ceiling taken from a <see cref="CqiTable"/>: where
/// alpha log2(1 + SINR) is below CQI 1's efficiency the user is not served (SE 0).
/// </summary>
public static class SpectralEfficiency
{
    /// <summary>The attenuation alpha of the fit (TR 36.942 Annex A.2, downlink).</summary>
    public const double Alpha = 0.6;

    /// <summary>Spectral efficiency at a linear SINR, bit/s/Hz; 0 below the table's CQI 1.</summary>
    public static double FromLinear(double sinr, CqiTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var se = Alpha * Math.Log2(1 + Math.Max(sinr, 0));
        return se < table.MinEfficiency - 1e-12 ? 0 : Math.Min(se, table.MaxEfficiency);
    }

    /// <summary>Spectral efficiency at an SINR in dB, bit/s/Hz; 0 below the table's CQI 1.</summary>
    public static double FromDecibels(double sinrDb, CqiTable table) => FromLinear(Math.Pow(10, sinrDb / 10), table);

    /// <summary>The SINR (dB) at which the fit reaches <paramref name="efficiency"/>: 10 log10(2^(SE / alpha) - 1).</summary>
    public static double SinrDecibelsFor(double efficiency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(efficiency);
        return 10 * Math.Log10(Math.Pow(2, efficiency / Alpha) - 1);
    }

    /// <summary>The SINR (dB) at which a user is served: that of CQI 1 (-7.16 dB for either table).</summary>
    public static double ServedSinrDecibels(CqiTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return SinrDecibelsFor(table.MinEfficiency);
    }
}
