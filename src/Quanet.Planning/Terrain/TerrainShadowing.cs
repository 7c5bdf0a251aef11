using Quanet.Core.Geodesy;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Radio;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Removes from flat-earth coverage lists the pairs whose path loss plus the terrain's diffraction loss exceeds the
/// link budget. The terrain's loss is the Bullington loss of the actual profile less that of the smooth path between
/// the same ground points (the "delta" of ITU-R P.526-15 section 4.5, with the clutter-free model standing in for the
/// smooth-earth term, since it already describes propagation over smooth ground), never below 0; so the flat-earth
/// lists are a superset and only their pairs need a profile.
/// </summary>
internal static class TerrainShadowing
{
    /// <summary>Effective earth radius for k = 4/3 (ITU-R P.452 / P.1812 median refractivity), metres.</summary>
    public const double EffectiveEarthRadiusMetres = 4.0 / 3.0 * GreatCircle.EarthRadiusMetres;

    /// <summary>The filtered coverage lists (each still sorted) and what terrain changed.</summary>
    /// <param name="dem">The elevation model.</param>
    /// <param name="sites">Site positions.</param>
    /// <param name="siteHeight">Antenna height of each site above ground, m.</param>
    /// <param name="demand">Demand positions.</param>
    /// <param name="covers">Flat-earth coverage lists, one per site.</param>
    /// <param name="model">The clutter-free path-loss model.</param>
    /// <param name="frequency">Carrier frequency.</param>
    /// <param name="userHeight">Receiver height above ground.</param>
    /// <param name="maximumPathLoss">The link budget's maximum allowed path loss.</param>
    /// <param name="timeProvider">Clock for <see cref="TerrainSummary.Elapsed"/>.</param>
    public static (int[][] Covers, TerrainSummary Summary) Apply(
        IElevationModel dem, IReadOnlyList<GeoPoint> sites, IReadOnlyList<Metres> siteHeight, IReadOnlyList<GeoPoint> demand,
        int[][] covers, IPathLossModel model, Frequency frequency, Metres userHeight, Decibels maximumPathLoss, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dem);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(siteHeight);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(covers);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var start = timeProvider.GetTimestamp();
        var wavelength = 299_792_458.0 / frequency.Hertz;
        var result = new int[covers.Length][];
        int pairs = 0, shadowed = 0, obstructed = 0, outside = 0;

        // sites are independent: one profile buffer per worker, counts summed at the end of each worker
        Parallel.For(0, covers.Length, () => (Profile: new TerrainProfile(), Kept: new List<int>(256), Counts: new int[4]), (j, _, local) =>
        {
            var site = sites[j];
            var list = covers[j];
            local.Kept.Clear();
            var siteGround = dem.Height(site.Latitude, site.Longitude);
            var geometry = new LinkGeometry(frequency, siteHeight[j], userHeight);
            foreach (var i in list)
            {
                var point = demand[i];
                var ground = dem.Height(point.Latitude, point.Longitude);
                local.Counts[0]++;
                if (double.IsNaN(siteGround) || double.IsNaN(ground))
                {
                    local.Counts[3]++;
                    local.Kept.Add(i);
                    continue;
                }

                var distance = Math.Max(CoverageRadius.MinimumMetres, GreatCircle.DistanceMetres(site.Latitude, site.Longitude, point.Latitude, point.Longitude));
                var (diffraction, lineOfSight) = TerrainLoss.Excess(dem, local.Profile, site, siteGround, siteHeight[j].Value, point, ground, userHeight.Value, wavelength);
                if (!lineOfSight)
                {
                    local.Counts[2]++;
                }

                if (model.Loss(new Metres(distance), geometry).Value + diffraction <= maximumPathLoss.Value)
                {
                    local.Kept.Add(i);
                }
                else
                {
                    local.Counts[1]++;
                }
            }

            result[j] = [.. local.Kept];
            return local;
        }, local =>
        {
            Interlocked.Add(ref pairs, local.Counts[0]);
            Interlocked.Add(ref shadowed, local.Counts[1]);
            Interlocked.Add(ref obstructed, local.Counts[2]);
            Interlocked.Add(ref outside, local.Counts[3]);
        });

        var summary = new TerrainSummary
        {
            Dem = dem.Description,
            PairsChecked = pairs,
            PairsShadowed = shadowed,
            PairsObstructed = obstructed,
            PairsOutsideDem = outside,
            Elapsed = timeProvider.GetElapsedTime(start),
        };
        return (result, summary);
    }
}
