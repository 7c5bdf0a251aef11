using Quanet.Planning.Geography;

namespace Quanet.Planning.Terrain;

/// <summary>
/// The terrain's own loss on one path: the Bullington loss of the actual profile less that of the smooth path between
/// the same ground points (never below 0), as <see cref="TerrainShadowing"/> describes it. Used wherever a path needs
/// it (coverage, SINR), so that both count the same terrain.
/// </summary>
internal static class TerrainLoss
{
    /// <summary>The excess loss (dB) and line of sight of the path; NaN loss when an end has no ground height.</summary>
    /// <param name="dem">The elevation model.</param>
    /// <param name="profile">A reusable profile buffer (filled in place).</param>
    /// <param name="site">Transmitter position.</param>
    /// <param name="siteGround">Ground height at the transmitter (from <paramref name="dem"/>), m.</param>
    /// <param name="siteHeight">Transmitter antenna height above ground, m.</param>
    /// <param name="point">Receiver position.</param>
    /// <param name="pointGround">Ground height at the receiver, m.</param>
    /// <param name="userHeight">Receiver antenna height above ground, m.</param>
    /// <param name="wavelength">Wavelength, m.</param>
    public static (double Loss, bool LineOfSight) Excess(
        IElevationModel dem, TerrainProfile profile, GeoPoint site, double siteGround, double siteHeight, GeoPoint point, double pointGround, double userHeight, double wavelength)
    {
        if (double.IsNaN(siteGround) || double.IsNaN(pointGround))
        {
            return (double.NaN, true);
        }

        profile.Fill(dem, site.Latitude, site.Longitude, point.Latitude, point.Longitude, Math.Max(dem.SpacingMetres, 1));
        double hts = siteGround + siteHeight, hrs = pointGround + userHeight;
        var (actual, lineOfSight) = BullingtonDiffraction.Loss(profile.Distance, profile.Height, hts, hrs, TerrainShadowing.EffectiveEarthRadiusMetres, wavelength);
        if (!(actual > 0))
        {
            return (0, lineOfSight);
        }

        // the excess over the smooth path, whose own loss the clutter-free model already describes
        var (smooth, _) = BullingtonDiffraction.Loss(profile.Distance, profile.SmoothHeight, hts, hrs, TerrainShadowing.EffectiveEarthRadiusMetres, wavelength);
        return (Math.Max(0, actual - smooth), lineOfSight);
    }
}
