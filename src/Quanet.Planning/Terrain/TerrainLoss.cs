namespace Quanet.Planning.Terrain;

/// <summary>
/// The loss terrain adds to a clutter-free path-loss model on one path: the Bullington loss of the actual profile less
/// that of the smooth path between the same ground points (the "delta" of ITU-R P.526-15 section 4.5, with the
/// clutter-free model standing in for the smooth-earth term), never below 0. Shared by the coverage lists
/// (<see cref="TerrainShadowing"/>) and the coverage raster, so both see the same terrain.
/// </summary>
internal static class TerrainLoss
{
    /// <summary>Fills <paramref name="profile"/> for the path and returns the excess loss and the line-of-sight flag.</summary>
    /// <param name="profile">A reusable profile buffer (filled here).</param>
    /// <param name="dem">The elevation model.</param>
    /// <param name="latitude1">Transmitter latitude, degrees.</param>
    /// <param name="longitude1">Transmitter longitude, degrees.</param>
    /// <param name="transmitterHeight">Transmit antenna height above sea level, m.</param>
    /// <param name="latitude2">Receiver latitude, degrees.</param>
    /// <param name="longitude2">Receiver longitude, degrees.</param>
    /// <param name="receiverHeight">Receive antenna height above sea level, m.</param>
    /// <param name="step">Profile sampling step, m.</param>
    /// <param name="wavelength">Wavelength, m.</param>
    public static (double Excess, bool LineOfSight) Excess(
        TerrainProfile profile, IElevationModel dem, double latitude1, double longitude1, double transmitterHeight,
        double latitude2, double longitude2, double receiverHeight, double step, double wavelength)
    {
        profile.Fill(dem, latitude1, longitude1, latitude2, longitude2, step);
        var (actual, lineOfSight) = BullingtonDiffraction.Loss(profile.Distance, profile.Height, transmitterHeight, receiverHeight, TerrainShadowing.EffectiveEarthRadiusMetres, wavelength);
        if (actual <= 0)
        {
            return (0, lineOfSight);
        }

        var (smooth, _) = BullingtonDiffraction.Loss(profile.Distance, profile.SmoothHeight, transmitterHeight, receiverHeight, TerrainShadowing.EffectiveEarthRadiusMetres, wavelength);
        return (Math.Max(0, actual - smooth), lineOfSight);
    }
}
