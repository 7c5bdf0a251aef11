namespace Quanet.Planning.Terrain;

/// <summary>Single knife-edge diffraction after Recommendation ITU-R P.526-15, section 4.1.</summary>
public static class KnifeEdge
{
    /// <summary>Below this diffraction parameter the loss is taken as 0 dB (P.526-15, eq. 31).</summary>
    public const double LossFreeParameter = -0.78;

    /// <summary>
    /// J(ν), the knife-edge loss in dB: 6.9 + 20 log10(sqrt((ν - 0.1)² + 1) + ν - 0.1) for ν > -0.78, else 0
    /// (P.526-15, eq. 31, the approximation to the Fresnel-integral form of eq. 27).
    /// </summary>
    /// <param name="nu">The dimensionless diffraction parameter ν.</param>
    public static double Loss(double nu)
    {
        if (!(nu > LossFreeParameter))
        {
            return 0;
        }

        var v = nu - 0.1;
        return 6.9 + (20 * Math.Log10(Math.Sqrt((v * v) + 1) + v));
    }

    /// <summary>
    /// ν = h sqrt(2/λ (1/d1 + 1/d2)) (P.526-15, eq. 26): <paramref name="clearance"/> is the height of the edge above
    /// the straight line between the antennas (negative below it), all lengths in metres.
    /// </summary>
    public static double Parameter(double clearance, double d1, double d2, double wavelength) =>
        clearance * Math.Sqrt(2 / wavelength * ((1 / d1) + (1 / d2)));
}
