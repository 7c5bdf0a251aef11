using Quanet.Core.Geodesy;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Coverage;

/// <summary>
/// Finds, for every site, the demand points within its coverage radius: a bucket-grid query in the local plane
/// (padded by the projection's worst-case stretch) followed by an exact great-circle check, so the result does
/// not depend on the projection and the cost is O(sites x demand near a site), never all pairs.
/// </summary>
public static class CoverageBuilder
{
    /// <summary>Coverage lists, each sorted ascending.</summary>
    /// <param name="sites">Site positions.</param>
    /// <param name="siteRadius">Coverage radius of each site, metres.</param>
    /// <param name="demand">Demand positions.</param>
    /// <param name="projection">The plane used for the index.</param>
    public static int[][] Build(IReadOnlyList<GeoPoint> sites, double[] siteRadius, IReadOnlyList<GeoPoint> demand, LocalProjection projection)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(siteRadius);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(projection);
        if (sites.Count != siteRadius.Length)
        {
            throw new ArgumentException($"{siteRadius.Length} radii for {sites.Count} sites", nameof(siteRadius));
        }

        var dx = new double[demand.Count];
        var dy = new double[demand.Count];
        var maxRho = 0.0;
        for (var i = 0; i < demand.Count; i++)
        {
            (dx[i], dy[i]) = projection.Forward(demand[i]);
            maxRho = Math.Max(maxRho, Math.Sqrt((dx[i] * dx[i]) + (dy[i] * dy[i])));
        }

        var sx = new double[sites.Count];
        var sy = new double[sites.Count];
        var maxRadius = 0.0;
        for (var j = 0; j < sites.Count; j++)
        {
            (sx[j], sy[j]) = projection.Forward(sites[j]);
            maxRho = Math.Max(maxRho, Math.Sqrt((sx[j] * sx[j]) + (sy[j] * sy[j])));
            maxRadius = Math.Max(maxRadius, siteRadius[j]);
        }

        var pad = 1 + LocalProjection.MaxScaleError(maxRho + maxRadius) + 1e-6;
        var grid = new SpatialGrid(dx, dy, Math.Max(1000, maxRadius));
        var covers = new int[sites.Count][];
        var found = new List<int>(256);
        for (var j = 0; j < sites.Count; j++)
        {
            found.Clear();
            var site = sites[j];
            var r = siteRadius[j];
            if (r > 0)
            {
                grid.Query(sx[j], sy[j], (r * pad) + 1, found);
            }

            var kept = 0;
            for (var k = 0; k < found.Count; k++)
            {
                var i = found[k];
                if (GreatCircle.DistanceMetres(site.Latitude, site.Longitude, demand[i].Latitude, demand[i].Longitude) <= r)
                {
                    found[kept++] = i;
                }
            }

            found.RemoveRange(kept, found.Count - kept);
            found.Sort();
            covers[j] = [.. found];
        }

        return covers;
    }
}
