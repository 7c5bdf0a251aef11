namespace Quanet.Planning.Terrain;

/// <summary>
/// Diffraction over a terrain profile by the Bullington construction of Recommendation ITU-R P.526-15, section 4.5.1
/// (the same construction as P.1812-6 section 4.3.1 and P.452-17 section 4.2.1): the profile is replaced by one knife
/// edge at the intersection of the steepest rays from both terminals, and its loss J(ν) is corrected for distance:
/// L = Luc + (1 - exp(-Luc / 6)) (10 + 0.02 d[km]). Only this "actual profile" part is computed; the smooth-earth
/// (spherical) part that the full delta-Bullington method of section 4.5 adds is not.
/// </summary>
public static class BullingtonDiffraction
{
    /// <summary>
    /// The Bullington diffraction loss of a profile, and whether the path is line of sight (no point of the
    /// profile, raised by the earth's bulge, reaches the straight ray between the antennas).
    /// </summary>
    /// <param name="distance">Distance of each profile point from the transmitter, m, ascending; first 0, last the path length.</param>
    /// <param name="height">Ground height of each point above sea level, m; NaN (void) points are left out.</param>
    /// <param name="transmitterHeight">Transmit antenna height above sea level, m.</param>
    /// <param name="receiverHeight">Receive antenna height above sea level, m.</param>
    /// <param name="effectiveEarthRadius">Effective earth radius, m (k = 4/3: 8,495 km).</param>
    /// <param name="wavelength">Wavelength, m.</param>
    /// <returns>Loss in dB (>= 0) and the line-of-sight flag.</returns>
    public static (double Loss, bool LineOfSight) Loss(ReadOnlySpan<double> distance, ReadOnlySpan<double> height, double transmitterHeight, double receiverHeight, double effectiveEarthRadius, double wavelength)
    {
        if (distance.Length != height.Length)
        {
            throw new ArgumentException($"{height.Length} heights for {distance.Length} distances", nameof(height));
        }

        var n = distance.Length;
        var total = n > 0 ? distance[n - 1] : 0;
        if (n < 3 || !(total > 0))
        {
            return (0, true);
        }

        var curvature = 1 / (2 * effectiveEarthRadius);
        var hts = transmitterHeight;
        var hrs = receiverHeight;

        // the steepest slope from the transmitter to an intermediate point (eq. 14 of P.1812-6's numbering)
        var stim = double.NegativeInfinity;
        for (var i = 1; i < n - 1; i++)
        {
            var di = distance[i];
            var hi = height[i] + (curvature * di * (total - di));
            if (double.IsNaN(hi))
            {
                continue;
            }

            stim = Math.Max(stim, (hi - hts) / di);
        }

        var str = (hrs - hts) / total;
        double nu;
        bool lineOfSight;
        if (stim < str)
        {
            // line of sight: the point of highest ν, measured against the direct ray
            lineOfSight = true;
            nu = double.NegativeInfinity;
            for (var i = 1; i < n - 1; i++)
            {
                var di = distance[i];
                var hi = height[i] + (curvature * di * (total - di));
                if (double.IsNaN(hi))
                {
                    continue;
                }

                var clearance = hi - (((hts * (total - di)) + (hrs * di)) / total);
                nu = Math.Max(nu, clearance * Math.Sqrt(2 * total / (wavelength * di * (total - di))));
            }
        }
        else
        {
            // transhorizon: the steepest slope from the receiver, the Bullington point where both rays meet
            lineOfSight = false;
            var srim = double.NegativeInfinity;
            for (var i = 1; i < n - 1; i++)
            {
                var di = distance[i];
                var hi = height[i] + (curvature * di * (total - di));
                if (double.IsNaN(hi))
                {
                    continue;
                }

                srim = Math.Max(srim, (hi - hrs) / (total - di));
            }

            var dbp = (hrs - hts + (srim * total)) / (stim + srim);
            var clearance = hts + (stim * dbp) - (((hts * (total - dbp)) + (hrs * dbp)) / total);
            nu = clearance * Math.Sqrt(2 * total / (wavelength * dbp * (total - dbp)));
        }

        var luc = KnifeEdge.Loss(nu);
        return (luc + ((1 - Math.Exp(-luc / 6)) * (10 + (0.02 * total / 1000))), lineOfSight);
    }
}
